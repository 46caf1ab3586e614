/**
 * The quickstart's promise on the sample knowledge base (examples/sample-kb, examples/golden.jsonl): with the
 * offline extractive answerer, every unanswerable golden question is abstained on and every answerable one is
 * answered right (16/16), including the table "per plan" question, the two-place question, the JSON-schema
 * question and the one-sentence summary.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EvalRun } from '../spec/evaluation.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const examples = resolve(import.meta.dirname, '..', '..', 'examples');
const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args: [...args, '--store', 'fathom.db'] });

describe('the sample knowledge base golden set (quickstart)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-sample-kb-'));
    cpSync(join(examples, 'sample-kb'), join(dir, 'kb'), { recursive: true });
    cpSync(join(examples, 'sample-kb-update', 'pricing.md'), join(dir, 'kb', 'pricing.md'));
    cpSync(join(examples, 'golden.jsonl'), join(dir, 'golden.jsonl'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('abstains on all 4 unanswerable questions and answers all 16 answerable ones right (RAG, extractive)', { timeout: 120_000 }, async () => {
    assert.equal((await cli(dir, 'ingest', 'kb')).code, 0);
    const r = await cli(dir, 'eval', 'run', 'golden.jsonl', '--out', 'run.json', '--json');
    assert.equal(r.code, 0, r.err);
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as EvalRun;
    const rag = run.results.filter((x) => x.mode === 'rag');
    const wrong = rag.filter((x) => !x.correct).map((x) => `${x.itemId}: ${x.answer.span ?? x.answer.text}`);
    assert.deepEqual(wrong, [], 'every golden item right');
    const unanswerable = rag.filter((x) => x.itemId.startsWith('unanswerable-'));
    assert.equal(unanswerable.length, 4);
    assert.ok(unanswerable.every((x) => x.answer.abstained));
    const byId = new Map(rag.map((x) => [x.itemId, x.answer]));
    assert.equal(byId.get('data-regions')!.span, 'Frankfurt and Ohio');
    assert.deepEqual(byId.get('enterprise-terms-json')!.json, { plan: 'Enterprise', pricePerSeatUsd: 54, minimumSeats: 20 });
    assert.match(byId.get('api-rate-limits')!.span!, /Team: 100 .*Business: 600 .*Enterprise: 3,000/);
    assert.match(byId.get('sla-answer-style')!.text, /^Plan: Enterprise; Monthly uptime commitment: 99\.95%\. \[\d\]$/);
  });
});
