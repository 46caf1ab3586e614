import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { clusteredVectors } from '../../testing/store/approximate-cases.js';
import { makeWrite } from '../../testing/store/fixtures.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-identity-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const vectorIndex = { mode: 'ann' as const };
const vectors = clusteredVectors(40, 5);
const secret = (i: number) => `Tenant A secret number ${i}`;
const aWrites = () => vectors.map((v, i) => makeWrite({ id: `a${i}`, paragraphs: [secret(i)], vectors: [v] }));
const bWrites = () => vectors.slice(0, 10).map((v, i) => makeWrite({ id: `b${i}`, paragraphs: [`Tenant B public note ${i}`], vectors: [v.map((x) => -x)] }));
const open = (path: string) => createSqliteStore({ path, vectorIndex });
const searchAll = (store: Store, tenant: string) =>
  Promise.all(vectors.map((v) => store.searchVector({ tenant, vector: Float32Array.from(v), topK: 10 }))).then((r) => r.flat());

describe('side files are tied to their database (L1)', () => {
  it("a graph left beside another database never returns the other tenant's chunks", async () => {
    // db1: tenant A (row id 1), one commit → generation 1; its HNSW graph is saved as db1.t1.usearch.
    const db1 = join(dir, 'one', 'store.db');
    const first = await open(db1);
    await first.commit({ tenant: 'A', writes: aWrites() });
    assert.ok((await searchAll(first, 'A')).length > 0);
    await first.close();

    // db2, a new (or restored) database: tenant B gets row id 1 and, after one commit, generation 1 too; A's text
    // is in it under another tenant row (chunk rowids 1..40, the keys of db1's graph).
    const db2 = join(dir, 'two', 'store.db');
    mkdirSync(join(dir, 'two'), { recursive: true });
    const second = await open(db2);
    await second.setMeta({ tenant: 'B', key: 'created', value: 'first' });
    await second.commit({ tenant: 'A', writes: aWrites() });
    await second.commit({ tenant: 'B', writes: bWrites() });
    await second.close();
    for (const suffix of ['.t1.usearch', '.t1.usearch.meta']) copyFileSync(db1 + suffix, db2 + suffix);

    const reopened = await open(db2);
    const hits = await searchAll(reopened, 'B');
    assert.ok(hits.length > 0);
    const leaked = hits.filter((h) => !h.document.id.startsWith('b') || h.chunk.text.includes('secret'));
    assert.deepEqual(leaked.map((h) => [h.chunk.tenant, h.document.id, h.chunk.text]).slice(0, 3), [], "tenant B saw tenant A's chunks");
    assert.ok(hits.every((h) => h.chunk.tenant === 'B'));
    assert.equal(new Set(hits.map((h) => h.document.id)).size, 10, "all of B's documents are found");
    await reopened.close();
  });

  it('a restored backup that reaches the same generation by other writes does not trust the newer graph', async () => {
    const db = join(dir, 'restore', 'store.db');
    const backup = join(dir, 'restore', 'backup.db');
    const store = await open(db);
    await store.commit({ tenant: 'A', writes: aWrites().slice(0, 20) });
    await store.close();
    copyFileSync(db, backup);
    const later = await open(db);
    await later.commit({ tenant: 'A', writes: aWrites().slice(20) });
    assert.ok((await searchAll(later, 'A')).length > 0);
    await later.close();
    copyFileSync(backup, db);
    const restored = await open(db);
    const other = vectors.slice(20).map((v, i) => makeWrite({ id: `n${i}`, paragraphs: [`Written after the restore ${i}`], vectors: [v.map((x, d) => (d % 2 ? -x : x))] }));
    await restored.commit({ tenant: 'A', writes: other });
    for (const [i, w] of other.entries()) {
      const [top] = await restored.searchVector({ tenant: 'A', vector: w.vectors![0]!, topK: 1 });
      assert.equal(top?.document.id, `n${i}`, 'the graph of the other history was reconciled, not trusted');
    }
    await restored.close();
  });
});
