import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostilePdfPageTree } from '../testing/hostile/hostile-pdf.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

test('ingest.limits and ingest.followSymlinks in fathom.config.json reach the ingest', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-cli-limits-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'kb'));
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'kb', 'ten-pages.pdf'), hostilePdfPageTree({ references: 10 }));
  writeFileSync(join(dir, 'kb', 'note.md'), '# Note\n\nStill stored.');
  writeFileSync(join(dir, 'shared', 'policy.md'), '# Policy\n\nOutside the folder.');
  symlinkSync(join(dir, 'shared'), join(dir, 'kb', 'shared'));
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ ingest: { limits: { pages: 5 }, followSymlinks: true } }));
  const run = await runCliCaptured({ cwd: dir, args: ['ingest', 'kb', '--json'] });
  assert.equal(run.code, 0, run.err);
  const report = run.json();
  assert.deepEqual(report.skipped.map((s: { path: string; code: string }) => [s.path, s.code]), [['kb/ten-pages.pdf', 'LIMIT_EXCEEDED']]);
  assert.match(report.skipped[0].reason, /ingest\.limits\.pages \(5 pages\): the PDF has 10/);
  assert.equal(report.counts.created, 2, 'note.md and the linked shared/policy.md');
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ ingest: { limits: { page: 5 } } }));
  const typo = await runCliCaptured({ cwd: dir, args: ['ingest', 'kb'] });
  assert.equal(typo.code, 2, 'an unknown limit is a config error');
});
