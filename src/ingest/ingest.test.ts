import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import { createChunker } from './chunkers/index.js';
import { ingest } from './ingest.js';

const tenant = 't1';
const paragraph = (topic: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `The ${topic} handbook sentence number ${i} explains rule ${i * 3} of the ${topic} process in detail.`).join(' ');

describe('ingest()', () => {
  let dir: string;
  let store: Store;
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 128 });
  const run = (extra: Partial<Parameters<typeof ingest>[0]> = {}) => ingest({ store, tenant, paths: ['docs'], cwd: dir, chunker, ...extra });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-ingest-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'alpha.md'), `# Alpha\n\n${paragraph('alpha', 30)}\n\n## Billing\n\nInvoices are sent monthly.\n`);
    writeFileSync(join(dir, 'docs', 'beta.md'), `# Beta\n\n${paragraph('beta', 12)}\n`);
    writeFileSync(join(dir, 'docs', 'empty.md'), '');
    store = await createSqliteStore({ path: join(dir, 'store.db') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests documents into chunks and reports skipped files with reasons', async () => {
    const report = await run();
    assert.equal(report.counts.created, 2);
    assert.ok(report.counts.chunks > 2, 'alpha is longer than one 128-token chunk');
    assert.equal(report.skipped.length, 1);
    assert.match(report.skipped[0]!.path, /empty\.md/);
    assert.equal(report.skipped[0]!.code, 'FILE_EMPTY');
    const hits = await store.searchKeyword({ tenant, query: 'invoices monthly', topK: 3 });
    assert.equal(hits[0]?.document.id, 'docs/alpha.md');
    assert.deepEqual(hits[0]?.chunk.headingPath, ['Alpha', 'Billing']);
  });

  it('is a no-op when nothing changed', async () => {
    const report = await run();
    assert.equal(report.counts.unchanged, 2);
    assert.equal(report.counts.created + report.counts.updated, 0);
    assert.equal((await store.listVersions({ tenant, documentId: 'docs/beta.md' })).length, 1);
  });

  it('creates a new version on change; the old text is kept but never retrieved', async () => {
    writeFileSync(join(dir, 'docs', 'beta.md'), `# Beta\n\nThe zanzibar clause replaced everything.\n`);
    const report = await run();
    assert.equal(report.counts.updated, 1);
    const versions = await store.listVersions({ tenant, documentId: 'docs/beta.md' });
    assert.deepEqual(versions.map((v) => [v.version, v.status]), [[2, 'current'], [1, 'superseded']]);
    assert.match(versions[1]!.text, /beta handbook/);
    assert.equal((await store.searchKeyword({ tenant, query: 'handbook sentence explains process', topK: 10 })).filter((h) => h.document.id === 'docs/beta.md').length, 0);
    assert.equal((await store.searchKeyword({ tenant, query: 'zanzibar clause', topK: 1 }))[0]?.document.id, 'docs/beta.md');
  });

  it('detects exact and near duplicates and applies the policy', async () => {
    const base = `# Gamma\n\n${paragraph('gamma', 40)}\n`;
    writeFileSync(join(dir, 'docs', 'gamma.md'), base);
    writeFileSync(join(dir, 'docs', 'gamma-copy.md'), base);
    writeFileSync(join(dir, 'docs', 'gamma-edit.md'), base.replace('sentence number 7 ', 'line number 7 '));
    const report = await run({ dedup: { policy: 'skip' } });
    const kinds = report.duplicates.map((g) => [g.kind, g.canonical, g.duplicates.join(',')]).sort();
    assert.deepEqual(kinds, [['exact', 'docs/gamma-copy.md', 'docs/gamma.md'], ['near', 'docs/gamma-copy.md', 'docs/gamma-edit.md']]);
    assert.ok(await store.getDocument({ tenant, id: 'docs/gamma-copy.md' }));
    assert.equal(await store.getDocument({ tenant, id: 'docs/gamma.md' }), undefined);
    assert.equal(await store.getDocument({ tenant, id: 'docs/gamma-edit.md' }), undefined);
  });

  it('sync removes documents whose source vanished, and only with --sync', async () => {
    unlinkSync(join(dir, 'docs', 'alpha.md'));
    const plain = await run();
    assert.deepEqual(plain.removed, []);
    assert.ok(await store.getDocument({ tenant, id: 'docs/alpha.md' }));
    const synced = await run({ sync: true });
    assert.deepEqual(synced.removed, ['docs/alpha.md']);
    assert.equal(await store.getDocument({ tenant, id: 'docs/alpha.md' }), undefined);
    assert.equal((await store.searchKeyword({ tenant, query: 'invoices monthly', topK: 3 })).length, 0);
  });

  it('keeps tenants apart', async () => {
    const other = await ingest({ store, tenant: 't2', paths: ['docs'], cwd: dir, chunker });
    assert.ok(other.counts.created > 0, 'the same files are new in another tenant');
    await store.deleteDocuments({ tenant: 't2', ids: ['docs/beta.md'] });
    assert.ok(await store.getDocument({ tenant, id: 'docs/beta.md' }), 'deleting in t2 leaves t1 untouched');
  });

  it('stops after the current batch when aborted and finishes on re-run without duplicates', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 40; i++) writeFileSync(join(many, `doc-${String(i).padStart(2, '0')}.md`), `# Doc ${i}\n\nUnique token q${i}x appears here. ${paragraph(`topic${i}`, 3)}\n`);
    const controller = new AbortController();
    let seen = 0;
    const first = await ingest({
      store, tenant: 't3', paths: ['many'], cwd: dir, chunker, batchSize: 5, progressIntervalMs: 0, signal: controller.signal,
      onProgress: (p) => { seen = p.documents; if (seen >= 12) controller.abort(); },
    });
    assert.equal(first.interrupted, true);
    const partial = (await store.countDocuments({ tenant: 't3' })).documents;
    assert.ok(partial > 0 && partial < 40, `some but not all committed (${partial})`);
    const second = await ingest({ store, tenant: 't3', paths: ['many'], cwd: dir, chunker, batchSize: 5 });
    assert.equal(second.counts.unchanged, partial);
    assert.equal(second.counts.created, 40 - partial);
    const counts = await store.countDocuments({ tenant: 't3' });
    assert.equal(counts.documents, 40);
    assert.equal(counts.versions, 40);
  });
});
