import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './__fixtures__/run-cli.js';
import { terminalSafe } from './terminal-safe.js';

test('terminalSafe escapes ESC/CSI/OSC/BEL/CR and bidi overrides visibly, keeps tab, newline and text', () => {
  assert.equal(terminalSafe('a\u001b[31mred\u001b]0;title\u0007\tb\nc\rd\u202ee\u009bf'), 'a\\x1b[31mred\\x1b]0;title\\x07\tb\nc\\x0dd\\u202ee\\x9bf');
  assert.equal(terminalSafe('Grüße – “ok” 東京'), 'Grüße – “ok” 東京');
});

test('search, ask and docs show never print a document\'s escape sequences raw', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-term-'));
  try {
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'evil.md'), '# Evil\n\nRefund policy \u001b[31mturns red\u001b[0m and \u001b]0;pwned title\u0007 retitles the terminal.\n');
    const ingest = await runCliCaptured({ cwd: dir, args: ['ingest', 'kb'] });
    assert.equal(ingest.code, 0, ingest.err);
    const search = await runCliCaptured({ cwd: dir, args: ['search', 'refund policy'] });
    assert.equal(search.code, 0, search.err);
    assert.match(search.out, /turns red/);
    assert.doesNotMatch(search.out, /[\u001b\u0007]/);
    const show = await runCliCaptured({ cwd: dir, args: ['docs', 'show', 'kb/evil.md', '--text'] });
    assert.doesNotMatch(show.out + show.err, /[\u001b\u0007]/);
    const ask = await runCliCaptured({ cwd: dir, args: ['ask', 'Which refund policy turns red?'] });
    assert.equal(ask.code, 0, ask.err);
    assert.doesNotMatch(ask.out + ask.err, /[\u001b\u0007]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
