import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanExamples, plantedDataset } from '../../tune/lint/__fixtures__/planted-dataset.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

/** Runs `fathom tune …` in-process through runCli with a capturing IO. */
const tune = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args: ['tune', ...args] });

describe('fathom tune', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-tune-cli-'));
    writeFileSync(join(dir, 'planted.jsonl'), `${plantedDataset().lines.join('\n')}\n`);
    writeFileSync(join(dir, 'clean.jsonl'), cleanExamples().map((e) => `${JSON.stringify(e)}\n`).join(''));
    writeFileSync(join(dir, 'golden.jsonl'), `${JSON.stringify({ question: (cleanExamples()[5] as Json).messages[0].content, answer: 'x' })}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lint: exit 1 with errors, a grouped table, and --json findings', async () => {
    const r = await tune(dir, 'lint', 'planted.jsonl', '--context-window', '2000');
    assert.equal(r.code, 1);
    assert.match(r.out, /roles \(5\)/);
    assert.match(r.out, /error {3}lines 27 +unknown role "narrator"/);
    assert.match(r.out, /hint: /);
    const j = await tune(dir, 'lint', 'planted.jsonl', '--json');
    assert.equal(j.code, 1);
    const report = j.json();
    assert.deepEqual(report.findings.find((f: Json) => f.check === 'exact-duplicate').lines, [3, 36]);
  });

  it('lint: clean file exits 0; --strict fails on warnings; --eval finds leakage', async () => {
    const clean = await tune(dir, 'lint', 'clean.jsonl');
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /No findings/);
    const leak = await tune(dir, 'lint', 'clean.jsonl', '--eval', 'golden.jsonl', '--json');
    assert.equal(leak.code, 1);
    assert.deepEqual(leak.json().findings.map((f: Json) => [f.check, f.lines]), [['leakage', [6]]]);
    writeFileSync(join(dir, 'warn.jsonl'), `${readFileSync(join(dir, 'clean.jsonl'), 'utf8')}${JSON.stringify(cleanExamples()[0])}\n`);
    assert.equal((await tune(dir, 'lint', 'warn.jsonl')).code, 0);
    assert.equal((await tune(dir, 'lint', 'warn.jsonl', '--strict')).code, 1);
  });

  it('lint: a missing file is a user error (exit 2); `fathom tune` alone prints usage', async () => {
    const r = await tune(dir, 'lint', 'missing.jsonl');
    assert.equal(r.code, 2);
    assert.match(r.err, /PATH_NOT_FOUND/);
    const usage = await tune(dir);
    assert.equal(usage.code, 0);
    assert.match(usage.out, /lint/);
    assert.match(usage.out, /convert/);
  });

  it('convert, dedupe, split and cost write their outputs', async () => {
    const conv = await tune(dir, 'convert', 'clean.jsonl', '--to', 'sharegpt', '--out', 'share.jsonl');
    assert.equal(conv.code, 0, conv.err);
    const first = JSON.parse(readFileSync(join(dir, 'share.jsonl'), 'utf8').split('\n')[0]!);
    assert.deepEqual(first.conversations.map((t: Json) => t.from), ['human', 'gpt']);
    const back = await tune(dir, 'convert', 'share.jsonl', '--to', 'chat');
    assert.equal(back.out, readFileSync(join(dir, 'clean.jsonl'), 'utf8'));
    assert.equal((await tune(dir, 'convert', 'clean.jsonl', '--to', 'yaml')).code, 2);

    const dd = await tune(dir, 'dedupe', 'warn.jsonl', '--out', 'deduped.jsonl', '--json');
    assert.deepEqual(dd.json().removed, [{ line: 25, duplicateOf: 1, kind: 'exact' }]);
    assert.equal(readFileSync(join(dir, 'deduped.jsonl'), 'utf8'), readFileSync(join(dir, 'clean.jsonl'), 'utf8'));

    const sp = await tune(dir, 'split', 'clean.jsonl', '--validation', '0.25', '--seed', '3', '--eval', 'golden.jsonl', '--out-dir', 'splits', '--json');
    assert.equal(sp.code, 0, sp.err);
    assert.deepEqual(sp.json().excluded.map((e: Json) => e.line), [6]);
    const lines = (f: string) => readFileSync(join(dir, 'splits', f), 'utf8').trim().split('\n').length;
    assert.equal(lines('train.jsonl') + lines('validation.jsonl'), 23);
    assert.equal(lines('validation.jsonl'), 6);
    assert.ok(existsSync(join(dir, 'splits', 'split.json')));

    const cost = await tune(dir, 'cost', 'clean.jsonl', '--epochs', '2', '--backend', 'together', '--json');
    const c = cost.json();
    assert.equal(c.trainedTokens, c.tokensPerEpoch * 2);
    assert.ok(c.costs.every((x: Json) => x.backend === 'together'));
    assert.match((await tune(dir, 'cost', 'clean.jsonl')).out, /list prices as of 2025-06; override with --price/);
  });
});
