import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args });

describe('fathom eval beir', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-beir-'));
    const beir = join(dir, 'tiny');
    mkdirSync(join(beir, 'qrels'), { recursive: true });
    const docs = [
      { _id: 'd1', title: 'Aspirin', text: 'Aspirin reduces the risk of heart attack in adults.' },
      { _id: 'd2', title: 'Vitamin C', text: 'Vitamin C does not prevent the common cold.' },
      { _id: 'd3', title: 'Sleep', text: 'Short sleep is associated with obesity in children.' },
      { _id: 'd4', title: 'Coffee', text: 'Coffee consumption and liver health in adults.' },
    ];
    writeFileSync(join(beir, 'corpus.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n'));
    writeFileSync(join(beir, 'queries.jsonl'), [
      { _id: 'q1', text: 'aspirin heart attack' },
      { _id: 'q2', text: 'does vitamin c prevent colds' },
      { _id: 'q3', text: 'sleep and obesity' },
      { _id: 'q4', text: 'query without judgments' },
    ].map((q) => JSON.stringify(q)).join('\n'));
    // q3's relevant document is d4 (a deliberately wrong judgment), so q3 scores 0 and the means are checkable.
    writeFileSync(join(beir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq3\td4\t1\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the stable JSON contract with trec_eval metrics, and caches the corpus', async () => {
    const r = await cli(dir, 'eval', 'beir', 'tiny', '--json');
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.deepEqual(Object.keys(out).slice(0, 6), ['dataset', 'split', 'mode', 'queries', 'metrics', 'latency_ms']);
    assert.equal(out.dataset, 'tiny');
    assert.equal(out.queries, 3, 'only judged queries are evaluated');
    // q1 and q2 find their document at rank 1 (MRR 1 each); q3's judged document d4 shares no term with the query.
    assert.ok(Math.abs(out.metrics['mrr@10'] - 2 / 3) < 1e-9, String(out.metrics['mrr@10']));
    assert.ok(Math.abs(out.metrics['recall@100'] - 2 / 3) < 1e-9);
    assert.ok(out.latency_ms.p50 >= 0 && out.latency_ms.p95 >= out.latency_ms.p50);
    assert.equal(out.corpus.cached, false);
    const again = JSON.parse((await cli(dir, 'eval', 'beir', 'tiny', '--json')).out);
    assert.equal(again.corpus.cached, true);
    assert.deepEqual(again.metrics, out.metrics);
  });

  it('keeps one scratch store per data set path: two folders both named rag/ do not share a corpus', async () => {
    for (const [parent, n] of [['a', 3], ['b', 1]] as const) {
      const d = join(dir, parent, 'rag');
      mkdirSync(join(d, 'qrels'), { recursive: true });
      writeFileSync(join(d, 'corpus.jsonl'), Array.from({ length: n }, (_, i) => JSON.stringify({ _id: `${parent}${i}`, title: `T${i}`, text: `document ${parent} number ${i}` })).join('\n'));
      writeFileSync(join(d, 'queries.jsonl'), JSON.stringify({ _id: 'q', text: 'document number' }));
      writeFileSync(join(d, 'qrels', 'test.tsv'), `query-id\tcorpus-id\tscore\nq\t${parent}0\t1\n`);
    }
    const a = JSON.parse((await cli(dir, 'eval', 'beir', 'a/rag', '--json')).out);
    const b = JSON.parse((await cli(dir, 'eval', 'beir', 'b/rag', '--json')).out);
    assert.equal(a.corpus.documents, 3);
    assert.equal(b.corpus.documents, 1, 'b/rag is not answered from a/rag\'s store');
    assert.equal(b.metrics['mrr@10'], 1);
  });

  it('explains a directory that is not BEIR-shaped', async () => {
    mkdirSync(join(dir, 'empty'));
    const r = await cli(dir, 'eval', 'beir', 'empty');
    assert.equal(r.code, 2);
    assert.match(r.err, /INVALID_DATASET.*corpus\.jsonl/);
  });
});
