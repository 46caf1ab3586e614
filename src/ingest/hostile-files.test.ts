/**
 * The hostile-file suite: every generated hostile input (bombs, giant lines, no-whitespace runs, BOMs,
 * invalid UTF-8, surrogates, control characters, huge page trees, symlink loops and escapes) ingested in
 * ONE run next to ordinary files, under small limits so bombs trip fast. Each must give its typed skip
 * (naming the limit) or a clean document, and the ordinary files of the same run must be stored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../store/sqlite/index.js';
import { HOSTILE_TEST_LIMITS, hostileFiles, writeOrdinaryFiles } from '../testing/hostile/hostile-files.js';
import { hostileDocx } from '../testing/hostile/hostile-docx.js';
import { hostilePdfPageTree } from '../testing/hostile/hostile-pdf.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import { createChunker } from './chunkers/index.js';
import { ingest } from './ingest.js';
import { escapeControls } from '../util/text/escape-controls.js';
import { createMockChatModel } from '../testing/mock-chat-model.js';

async function setup(t: { after(fn: () => Promise<void>): void }) {
  const base = await mkdtemp(join(tmpdir(), 'fathom-hostile-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const corpus = join(base, 'corpus');
  await mkdir(corpus);
  const store = await createSqliteStore({ path: join(base, 'fathom.db') });
  t.after(() => store.close());
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 256 });
  return { base, corpus, store, chunker };
}

test('hostile files: each is a typed skip naming its limit (or loads clean), and the ordinary files of the run are stored', { timeout: 180_000 }, async (t) => {
  const { corpus, store, chunker } = await setup(t);
  const cases = hostileFiles();
  for (const c of cases) await c.write(corpus, 'test');
  const ordinary = await writeOrdinaryFiles(corpus);

  const report = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker, limits: HOSTILE_TEST_LIMITS });

  const problems: string[] = [];
  for (const c of cases) {
    const path = escapeControls(c.name);
    const skips = report.skipped.filter((s) => s.path === path || s.path.startsWith(`${path}#`));
    const expect = c.expect;
    if ('skip' in expect) {
      const hit = skips.find((s) => s.code === expect.skip && (expect.limit === undefined || s.limit?.name === expect.limit));
      if (!hit) problems.push(`${JSON.stringify(c.name)} (${c.attack}): expected ${expect.skip} ${expect.limit ?? ''}, got ${JSON.stringify(skips)}`);
      else {
        if (hit.code === 'LIMIT_EXCEEDED' && !hit.reason.includes(hit.limit!.name)) problems.push(`${c.name}: the reason does not name the limit: ${hit.reason}`);
        if (/[\u0000-\u001f]/.test(hit.path + hit.reason)) problems.push(`${JSON.stringify(c.name)}: control characters in the skip report`);
      }
    } else {
      const doc = await store.getDocument({ tenant: 't', id: c.id ?? c.name });
      if (!doc) problems.push(`${c.name} (${c.attack}): expected a document, got ${JSON.stringify(skips)}`);
      else {
        const chunks = await store.listChunks({ tenant: 't', documentId: c.id ?? c.name });
        const bad = chunks.length === 0 ? 'no chunks' : expect.check?.(chunks.map((k) => k.text).join('\n'));
        if (bad) problems.push(`${c.name}: ${bad}`);
      }
    }
  }
  for (const id of ordinary) if (!(await store.getDocument({ tenant: 't', id }))) problems.push(`ordinary file ${id} was not stored`);
  // Records around a bad record in the same file are kept.
  if (!(await store.getDocument({ tenant: 't', id: 'after' }))) problems.push('the JSONL line after the giant line was not stored');
  if (!(await store.getDocument({ tenant: 't', id: 'first' }))) problems.push('the CSV row before the giant row was not stored');
  const escaped = report.skipped.some((s) => s.path.includes('outside-secret')) || (await store.getDocument({ tenant: 't', id: 'up/outside-secret.md' }));
  if (escaped) problems.push('the symlink out of the folder was followed');
  assert.deepEqual(problems, [], `${problems.length} of ${cases.length} hostile cases failed`);
  assert.equal(report.counts.skipped, report.skipped.length);
});

test('a parser that exceeds its heap is terminated: LIMIT_EXCEEDED memoryMb, and the next file still loads', { timeout: 120_000 }, async (t) => {
  const { corpus, store, chunker } = await setup(t);
  await writeFile(join(corpus, 'a-heavy.docx'), hostileDocx({ xmlBytes: 24 * 1024 * 1024 }));
  await writeFile(join(corpus, 'b-next.md'), '# Next\n\nStill here.');
  const limits = { memoryMb: 48, decompressedBytes: 64 * 1024 * 1024, fileTimeoutMs: 60_000 };
  const report = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker, limits });
  const skip = report.skipped.find((s) => s.path === 'a-heavy.docx');
  assert.equal(skip?.code, 'LIMIT_EXCEEDED', JSON.stringify(report.skipped));
  assert.equal(skip?.limit?.name, 'ingest.limits.memoryMb');
  assert.ok(await store.getDocument({ tenant: 't', id: 'b-next.md' }));
});

test('a file that overruns fileTimeoutMs is terminated mid-parse: LIMIT_EXCEEDED fileTimeoutMs, and the next file still loads', { timeout: 120_000 }, async (t) => {
  const { corpus, store, chunker } = await setup(t);
  // 4,000 pages (under the 5,000-page limit) take pdf.js seconds; the budget is 0.5 s (start-up is not charged).
  await writeFile(join(corpus, 'a-slow.pdf'), hostilePdfPageTree({ references: 4_000 }));
  await writeFile(join(corpus, 'b-next.md'), '# Next\n\nStill here.');
  const report = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker, limits: { fileTimeoutMs: 500 } });
  const skip = report.skipped.find((s) => s.path === 'a-slow.pdf');
  assert.equal(skip?.code, 'LIMIT_EXCEEDED', JSON.stringify(report.skipped));
  assert.equal(skip?.limit?.name, 'ingest.limits.fileTimeoutMs');
  assert.ok(await store.getDocument({ tenant: 't', id: 'b-next.md' }));
});

test('a document that chunks into more than chunksPerDocument is skipped before embedding', { timeout: 60_000 }, async (t) => {
  const { corpus, store, chunker } = await setup(t);
  await writeFile(join(corpus, 'many.md'), Array.from({ length: 40 }, (_, i) => `## Section ${i}\n\n${'words '.repeat(300)}`).join('\n\n'));
  await writeFile(join(corpus, 'few.md'), '# Few\n\nShort.');
  const report = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker, limits: { chunksPerDocument: 10 } });
  const skip = report.skipped.find((s) => s.path === 'many.md');
  assert.equal(skip?.code, 'LIMIT_EXCEEDED');
  assert.equal(skip?.limit?.name, 'ingest.limits.chunksPerDocument');
  assert.match(skip!.reason, /ingest\.limits\.chunksPerDocument \(10 chunks\)/);
  assert.equal(await store.getDocument({ tenant: 't', id: 'many.md' }), undefined);
  assert.ok(await store.getDocument({ tenant: 't', id: 'few.md' }));
});

test('followSymlinks: true follows a link out of the folder (loops are still refused)', { timeout: 60_000 }, async (t) => {
  const { base, corpus, store, chunker } = await setup(t);
  await mkdir(join(base, 'shared'));
  await writeFile(join(base, 'shared', 'policy.md'), '# Policy\n\nShared text.');
  await symlink(join(base, 'shared'), join(corpus, 'shared'));
  await symlink('..', join(corpus, 'up'));
  const off = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker });
  assert.deepEqual(off.skipped.map((s) => [s.path, s.code]), [['shared', 'SYMLINK_SKIPPED'], ['up', 'SYMLINK_SKIPPED']]);
  const on = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker, followSymlinks: true });
  assert.deepEqual(on.skipped.map((s) => [s.path, s.code]), [['up', 'SYMLINK_SKIPPED']]);
  assert.ok(await store.getDocument({ tenant: 't', id: 'shared/policy.md' }));
});

test('the per-file budget covers chunking: a run with no whitespace that cannot chunk in time is skipped naming fileTimeoutMs, and the next file loads', { timeout: 120_000 }, async (t) => {
  const { corpus, store, chunker } = await setup(t);
  // 800 KB without whitespace takes seconds to chunk on any machine; parsing it alone fits the budget.
  await writeFile(join(corpus, 'a-dna.txt'), 'ACGT'.repeat(200_000));
  await writeFile(join(corpus, 'b-next.md'), '# Next\n\nStill here.');
  const report = await ingest({ store, tenant: 't', paths: ['.'], cwd: corpus, chunker, limits: { fileTimeoutMs: 1_000 } });
  const skip = report.skipped.find((s) => s.path === 'a-dna.txt');
  assert.equal(skip?.code, 'LIMIT_EXCEEDED', JSON.stringify(report.skipped));
  assert.equal(skip?.limit?.name, 'ingest.limits.fileTimeoutMs');
  assert.match(skip!.reason, /ingest\.limits\.fileTimeoutMs \(1,000 ms\)/);
  assert.equal(await store.getDocument({ tenant: 't', id: 'a-dna.txt' }), undefined);
  assert.ok(await store.getDocument({ tenant: 't', id: 'b-next.md' }));
});

test('a chunker or contextualiser that ignores the deadline is still held to the per-file budget', { timeout: 60_000 }, async (t) => {
  const { store, chunker } = await setup(t);
  const busy = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  };
  const doc = (id: string, text: string) => ({ id, source: id, title: id, format: 'markdown' as const, text, metadata: {} });
  const slowChunker = { name: 'structure' as const, chunk: async (input: { text: string }) => (input.text.includes('slow') && busy(400), chunker.chunk(input)) };
  const r1 = await ingest({ store, tenant: 't', documents: [doc('slow.md', 'slow text'), doc('fast.md', 'fast text')], chunker: slowChunker, limits: { fileTimeoutMs: 150 } });
  assert.deepEqual(r1.skipped.map((s) => [s.path, s.limit?.name]), [['slow.md', 'ingest.limits.fileTimeoutMs']]);
  assert.ok(await store.getDocument({ tenant: 't', id: 'fast.md' }));

  const model = createMockChatModel({ reply: (call) => (call.messages[0]!.content.includes('ponder') && busy(400), 'context') });
  const r2 = await ingest({ store, tenant: 't', documents: [doc('ponder.md', 'ponder this'), doc('quick.md', 'quick one')], chunker, contextualize: { model }, limits: { fileTimeoutMs: 150 } });
  assert.deepEqual(r2.skipped.map((s) => [s.path, s.limit?.name]), [['ponder.md', 'ingest.limits.fileTimeoutMs']]);
  assert.ok(await store.getDocument({ tenant: 't', id: 'quick.md' }));
});
