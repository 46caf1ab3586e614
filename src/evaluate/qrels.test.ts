import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseQrels, parseRun, readQrels } from './qrels.js';

describe('parseQrels', () => {
  it('reads BEIR TSV with its header', () => {
    const qrels = parseQrels({ text: 'query-id\tcorpus-id\tscore\n1\tdocA\t1\n1\tdocB\t2\n2\tdocC\t0\n' });
    assert.deepEqual([...qrels.keys()], ['1', '2']);
    assert.deepEqual([...qrels.get('1')!], [['docA', 1], ['docB', 2]]);
    assert.equal(qrels.get('2')!.get('docC'), 0);
  });
  it('reads TREC 4-column qrels', () => {
    const qrels = parseQrels({ text: '301 0 FBIS3-10082 1\n301 0 FBIS3-10169 0\n\n302 0 X 2\n' });
    assert.equal(qrels.get('301')!.get('FBIS3-10082'), 1);
    assert.equal(qrels.get('302')!.get('X'), 2);
    assert.equal(qrels.get('301')!.size, 2);
  });
  it('splits tab-separated lines on tabs only, so ids with spaces survive (BEIR and TREC)', () => {
    const beir = parseQrels({ text: 'query-id\tcorpus-id\tscore\nq 1\tAlbert Einstein\t1\nq2\tNew York City\t2\n' });
    assert.equal(beir.get('q 1')!.get('Albert Einstein'), 1);
    assert.equal(beir.get('q2')!.get('New York City'), 2);
    const trec = parseQrels({ text: '301\t0\tAlbert Einstein\t1\n' });
    assert.equal(trec.get('301')!.get('Albert Einstein'), 1);
    const run = parseRun({ text: '301\tQ0\tAlbert Einstein\t1\t12.5\tbm25\n' });
    assert.deepEqual(run.get('301'), [{ docId: 'Albert Einstein', score: 12.5 }]);
  });
  it('names the line of a malformed entry', () => {
    assert.throws(() => parseQrels({ text: 'query-id\tcorpus-id\tscore\n1\tdocA\n', source: 'q.tsv' }), /q\.tsv line 2/);
  });
  it('reads a file and reports a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fathom-qrels-'));
    try {
      await writeFile(join(dir, 'test.tsv'), 'query-id\tcorpus-id\tscore\nq\td\t1\n');
      assert.equal((await readQrels({ path: join(dir, 'test.tsv') })).get('q')!.get('d'), 1);
      await assert.rejects(readQrels({ path: join(dir, 'nope.tsv') }), { code: 'PATH_NOT_FOUND' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseRun', () => {
  it('reads TREC run lines, ignoring the rank column', () => {
    const run = parseRun({ text: 'q1 Q0 d1 1 12.5 bm25\nq1 Q0 d2 2 13 bm25\nq2 Q0 d3 1 1 bm25\n' });
    assert.deepEqual(run.get('q1'), [{ docId: 'd1', score: 12.5 }, { docId: 'd2', score: 13 }]);
    assert.equal(run.get('q2')!.length, 1);
  });
  it('rejects a line without a numeric score', () => {
    assert.throws(() => parseRun({ text: 'q1 Q0 d1 1 high run\n' }), /line 1/);
  });
});
