import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalRun } from '../spec/evaluation.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args });

describe('fathom eval run / compare / validate / import / generate', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-eval-cli-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'sla.md'), '# SLA\n\nThe Business plan has a 99.9% monthly uptime commitment.\n\nThe Enterprise plan has a 99.95% monthly uptime commitment.\n');
    writeFileSync(join(dir, 'kb', 'backups.md'), '# Backups\n\nBackups are encrypted and kept for 35 days in a second region.\n');
    assert.equal((await cli(join(dir, 'kb'), 'ingest', '.', '--store', join(dir, '.fathom', 'fathom.db'))).code, 0);
    writeFileSync(join(dir, 'golden.jsonl'), [
      { id: 'sla', question: 'What monthly uptime does the Enterprise plan have?', answers: ['99.95%'], sources: [{ documentId: 'sla.md' }] },
      { id: 'backups', question: 'How long are backups kept?', answers: ['35 days'], sources: [{ documentId: 'backups.md' }] },
      { id: 'ceo', question: 'Who is the chief executive officer of the company?', answerable: false },
    ].map((x) => JSON.stringify(x)).join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('validates a golden set, with line numbers on errors', async () => {
    const ok = await cli(dir, 'eval', 'validate', 'golden.jsonl', '--json');
    assert.equal(ok.code, 0);
    assert.equal(JSON.parse(ok.out).items, 3);
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"a","question":"q"}\n{"id":"a"}\n');
    const bad = await cli(dir, 'eval', 'validate', 'bad.jsonl');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /line 2: \$: missing required property "question"/);
  });

  it('runs RAG and oracle with the extractive answerer (closed-book not measured), writes the artifact and manifest, and compares runs with gates', async () => {
    const r = await cli(dir, 'eval', 'run', 'golden.jsonl', '--out', 'run-a.json', '--json');
    assert.equal(r.code, 0, r.err);
    const { id, path, summary } = JSON.parse(r.out) as { id: string; path: string; summary: EvalRun['summary'] };
    assert.equal(path, join(dir, '.fathom', 'runs', `${id}.json`));
    assert.ok(existsSync(join(dir, '.fathom', 'runs', `${id}.manifest.json`)));
    const run = JSON.parse(readFileSync(join(dir, 'run-a.json'), 'utf8')) as EvalRun;
    assert.equal(run.results.length, 6);
    assert.deepEqual(run.modes, ['rag', 'oracle']);
    assert.equal(run.answerer, 'extractive');
    assert.match(run.notMeasured?.['closed-book'] ?? '', /not measured/);
    assert.equal(summary.oracle.accuracy, run.summary.oracle.accuracy);
    assert.equal(run.results.find((x) => x.itemId === 'sla' && x.mode === 'oracle')!.correct, true);

    const worse = structuredClone(run);
    worse.id = 'eval-worse';
    for (const x of worse.results) if (x.mode === 'oracle' && x.metrics.faithfulness !== undefined) x.metrics.faithfulness = 0;
    writeFileSync(join(dir, 'run-b.json'), JSON.stringify(worse));
    const same = await cli(dir, 'eval', 'compare', 'run-a.json', 'run-a.json', '--fail-if', 'faithfulness < -0.02');
    assert.equal(same.code, 0, same.err);
    assert.match(same.out, /gates: pass/);
    const drop = await cli(dir, 'eval', 'compare', 'run-a.json', 'run-b.json', '--fail-if', 'faithfulness < -0.02', '--fail-if', 'oracle:accuracy < -0.5', '--json');
    assert.equal(drop.code, 1, drop.err);
    assert.deepEqual(JSON.parse(drop.out).failedGates, ['faithfulness < -0.02']);
  });

  it('imports SQuAD-style data and explains that generate needs a chat model', async () => {
    writeFileSync(join(dir, 'questions.jsonl'), JSON.stringify({ _id: 'q1', question: 'Where?', answers: ['France'], is_impossible: false, gold_doc: 'N#0' }) + '\n');
    const imp = await cli(dir, 'eval', 'import', 'squad', 'questions.jsonl', '--out', 'sq.jsonl');
    assert.equal(imp.code, 0, imp.err);
    assert.equal(readFileSync(join(dir, 'sq.jsonl'), 'utf8').trim().split('\n').length, 1);
    const gen = await cli(dir, 'eval', 'generate', '--out', 'syn.jsonl');
    assert.equal(gen.code, 2);
    assert.match(gen.err, /needs a chat model/);
  });
});
