/**
 * The loop of issue 16 end to end through the CLI: a marker document is ingested, asked about, scored online,
 * corrected through feedback, proposed, accepted as a golden item, evaluated, and turned into SFT and DPO files
 * that pass `tune lint`; `fathom lineage` lists them; `docs delete --purge` then leaves the marker in no byte of
 * any file under the working directory and `.fathom`, and its receipt names each place.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const MARKER = 'Qzvrelt7731';
const DOC = '../kb/marker.md'; // ids are paths relative to the working directory
const root = mkdtempSync(join(tmpdir(), 'fathom-loop-'));
const work = join(root, 'work');
const kb = join(root, 'kb'); // the sources live outside the working directory: fathom never deletes your files
after(() => rmSync(root, { recursive: true, force: true }));
const cli = (...args: string[]) => runCliCaptured({ cwd: work, args });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('feedback → golden item → evaluation and SFT/DPO; lineage; deletion that reaches derived data', () => {
  let logId = '';
  before(async () => {
    mkdirSync(work, { recursive: true });
    mkdirSync(kb, { recursive: true });
    writeFileSync(join(work, 'fathom.config.json'), '{}');
    writeFileSync(join(kb, 'marker.md'), `# The ${MARKER} plan\n\nThe ${MARKER} plan costs 77 dollars per month and includes three seats.\n`);
    writeFileSync(join(kb, 'setup.md'), '# Setup\n\nThe agent needs port 8443 open to reach the gateway.\n');
    const ing = await cli('ingest', kb);
    assert.equal(ing.code, 0, ing.err);
  });

  it('feedback becomes a golden item, an evaluation and training files passing tune lint, each with its lineage', async () => {
    const ask = await cli('ask', `How much does the ${MARKER} plan cost?`, '--json');
    assert.equal(ask.code, 0, ask.err);
    logId = ask.json().logId;
    assert.match(ask.json().text, /77 dollars/);
    assert.equal((await cli('monitor', 'score', '--rate', '1')).code, 0);
    assert.equal((await cli('feedback', logId, '--down', '--correct', `The ${MARKER} plan costs 79 dollars per month since December [1].`)).code, 0);

    assert.equal((await cli('golden', 'from-feedback', '--out', 'review.jsonl')).code, 0);
    const lines = readFileSync(join(work, 'review.jsonl'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 1);
    const proposal = JSON.parse(lines[0]!);
    assert.equal(proposal.accept, null);
    assert.equal(proposal.original.includes('77 dollars'), true);
    assert.deepEqual(proposal.sources, [DOC]);
    const pending = await cli('golden', 'accept', 'review.jsonl', '--out', 'golden.jsonl', '--json');
    assert.equal(pending.json().items, 0, 'nothing is accepted until a person says so');
    writeFileSync(join(work, 'review.jsonl'), `${JSON.stringify({ ...proposal, accept: true })}\n`);
    const acc = await cli('golden', 'accept', 'review.jsonl', '--out', 'golden.jsonl', '--json');
    assert.equal(acc.code, 0, acc.err);
    assert.equal(acc.json().items, 1);
    const item = JSON.parse(readFileSync(join(work, 'golden.jsonl'), 'utf8'));
    assert.deepEqual(item.answers, [proposal.answer]);
    assert.equal(item.metadata.lineage.auditEntries[0], logId);
    assert.match(item.metadata.lineage.documents[0].versionId, /\S/);
    assert.equal((await cli('eval', 'validate', 'golden.jsonl')).code, 0);
    const run = await cli('eval', 'run', 'golden.jsonl', '--json');
    assert.equal(run.code, 0, run.err);

    for (const kind of ['sft', 'dpo']) {
      const built = await cli('tune', 'build', '--from-feedback', 'review.jsonl', '--kind', kind, '--out', `train/${kind}.jsonl`, '--json');
      assert.equal(built.code, 0, built.err);
      assert.equal(built.json().counts.examples, 1);
      const lint = await cli('tune', 'lint', `train/${kind}.jsonl`);
      assert.equal(lint.code, 0, `${kind}: ${lint.out}${lint.err}`);
    }
    const dpo = JSON.parse(readFileSync(join(work, 'train', 'dpo.jsonl'), 'utf8'));
    assert.match(dpo.chosen, /79 dollars/);
    assert.match(dpo.rejected, /77 dollars/);

    const lineage = (await cli('lineage', DOC, '--json')).json();
    assert.deepEqual(lineage.auditEntries.map((e: { id: string; scored: boolean; feedback: number }) => [e.id, e.scored, e.feedback]), [[logId, true, 1]]);
    assert.deepEqual(lineage.artefacts.map((r: { kind: string }) => r.kind).sort(), ['golden-item', 'review-item', 'training-example', 'training-example']);
  });

  it('docs delete lists the derived items; with --purge the marker is in no byte of any file and the receipt names each place', async () => {
    assert.ok(filesUnder(work).some((f) => readFileSync(f).includes(MARKER)), 'the marker is somewhere before the delete');
    const r = await cli('docs', 'delete', DOC, '--purge', '--json');
    assert.equal(r.code, 0, r.err);
    const receipt = r.json();
    const places = receipt.places.map((p: { place: string }) => p.place);
    for (const p of ['store', 'audit-log', 'eval-run', 'review-file', 'golden-set', 'training-set', 'lineage']) assert.ok(places.includes(p), `${p} in ${places.join(', ')}`);
    assert.equal(receipt.derived.filter((d: { purged: boolean }) => d.purged).length, 4);
    assert.equal(receipt.erasure.status, 'complete');
    const holding = filesUnder(work).filter((f) => readFileSync(f).includes(MARKER));
    assert.deepEqual(holding, [], 'no file under the working directory (and .fathom) holds the marker');
    const entry = (await cli('log', 'show', logId, '--json')).json();
    assert.equal(entry.redacted.reason, 'document-deleted');
    assert.deepEqual(entry.feedback.map((f: { rating: string }) => f.rating), ['down']);
    assert.equal(entry.online.metrics.abstained, 0, 'online scores (numbers) stay with the redacted entry');
  });
});
