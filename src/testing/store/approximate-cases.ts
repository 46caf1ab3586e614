/**
 * Conformance for a backend's approximate vector index, run against a store configured to use it from ~100
 * vectors per tenant: recall against exact cosine on clustered data, filters inside the search, deletes and
 * new versions reflected, tenant isolation, and (when `reopen` is given) the index surviving a reopen.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { makeWrite, withStore } from './fixtures.js';

/** Options of the approximate-index cases. */
export interface ApproximateCaseOptions {
  /** A fresh, empty store that uses its approximate vector index from about 100 vectors per tenant. */
  create: () => Promise<Store>;
  /** Open the data of `store` (already closed) again; omit for stores that do not persist. */
  reopen?: (store: Store) => Promise<Store>;
}

const tenant = 'ann';
const dims = 24;
const count = 600;

/** Deterministic clustered unit-ish vectors: 12 centres plus small noise. */
export function clusteredVectors(n: number, seed: number): number[][] {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) * 2 - 1;
  let c = 12345;
  const crand = () => ((c = (Math.imul(c, 1664525) + 1013904223) >>> 0) / 4294967296) * 2 - 1;
  const centres = Array.from({ length: 12 }, () => Array.from({ length: dims }, crand));
  return Array.from({ length: n }, () => {
    const centre = centres[Math.floor(((rand() + 1) / 2) * 12) % 12]!;
    return centre.map((x) => x + 0.35 * rand());
  });
}

const cosine = (a: number[], b: number[]) => {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return d / Math.sqrt(na * nb);
};
const exactTop = (vectors: number[][], q: number[], k: number, allowed: (i: number) => boolean = () => true) =>
  vectors.map((v, i) => [i, cosine(v, q)] as const).filter(([i]) => allowed(i)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([i]) => `v${i}`);

async function seed(store: Store, vectors: number[][], t = tenant): Promise<void> {
  const writes = vectors.map((v, i) => makeWrite({ id: `v${i}`, paragraphs: [`vector document ${i}`], vectors: [v], metadata: { bucket: i % 100 } }));
  for (let i = 0; i < writes.length; i += 200) await store.commit({ tenant: t, writes: writes.slice(i, i + 200) });
}

const ids = async (store: Store, q: number[], topK: number, filter?: Record<string, unknown>, t = tenant) =>
  (await store.searchVector({ tenant: t, vector: Float32Array.from(q), topK, ...(filter ? { filter: filter as never } : {}) })).map((h) => h.document.id);

export function approximateCases(options: ApproximateCaseOptions): void {
  const { create, reopen } = options;
  const vectors = clusteredVectors(count, 7);
  const queries = clusteredVectors(20, 99);

  it('approximate search: recall@10 ≥ 0.9 against exact cosine on clustered vectors, scores are cosines', () =>
    withStore(create, async (store) => {
      await seed(store, vectors);
      let found = 0;
      for (const q of queries) {
        const hits = await store.searchVector({ tenant, vector: Float32Array.from(q), topK: 10 });
        const truth = new Set(exactTop(vectors, q, 10));
        found += hits.filter((h) => truth.has(h.document.id)).length;
        for (const h of hits) assert.ok(Math.abs(h.score - cosine(vectors[Number(h.document.id.slice(1))]!, q)) < 0.01, 'score is the cosine');
      }
      assert.ok(found / (10 * queries.length) >= 0.9, `recall@10 ${found / (10 * queries.length)}`);
    }));

  it('approximate search: filters inside the search still return k hits (1% and 50% of the collection)', () =>
    withStore(create, async (store) => {
      await seed(store, vectors);
      for (const q of queries.slice(0, 5)) {
        const narrow = await ids(store, q, 5, { bucket: 7 });
        assert.deepEqual(narrow, exactTop(vectors, q, 5, (i) => i % 100 === 7), 'a 1% filter returns its exact top 5');
        const wide = await ids(store, q, 10, { bucket: { lt: 50 } });
        assert.equal(wide.length, 10);
        assert.ok(wide.every((id) => Number(id.slice(1)) % 100 < 50), 'every hit passes the filter');
        const truth = new Set(exactTop(vectors, q, 10, (i) => i % 100 < 50));
        assert.ok(wide.filter((id) => truth.has(id)).length >= 8, 'filtered recall');
      }
    }));

  it('approximate search: deletes and new versions are reflected; tenants stay isolated', () =>
    withStore(create, async (store) => {
      await seed(store, vectors);
      await seed(store, vectors.slice(0, 150), 'other');
      const q = queries[0]!;
      const [first, second] = await ids(store, q, 2);
      await store.deleteDocuments({ tenant, ids: [first!] });
      const after = await ids(store, q, 10);
      assert.ok(!after.includes(first!), 'deleted document gone');
      assert.equal(after[0], second);
      await store.commit({ tenant, writes: [makeWrite({ id: 'v300', paragraphs: ['moved'], vectors: [q], metadata: { bucket: 0 } })] });
      const moved = await store.searchVector({ tenant, vector: Float32Array.from(q), topK: 10 });
      assert.equal(moved[0]!.document.id, 'v300', 'the new version is found');
      assert.equal(moved[0]!.chunk.text, 'moved');
      assert.equal(moved.filter((h) => h.document.id === 'v300').length, 1, 'the old version is gone');
      assert.ok((await ids(store, q, 20, undefined, 'other')).every((id) => Number(id.slice(1)) < 150), 'only the other tenant’s documents');
      assert.ok(!(await ids(store, q, 50, undefined, 'other')).includes('v300'));
    }));

  if (reopen) {
    it('approximate search: the index survives a reopen, and later writes still show', async () => {
      const store = await create();
      await seed(store, vectors);
      const before = await Promise.all(queries.map((q) => ids(store, q, 10)));
      await store.close();
      const again = await reopen(store);
      try {
        assert.deepEqual(await Promise.all(queries.map((q) => ids(again, q, 10))), before);
        await again.deleteDocuments({ tenant, ids: [before[1]![0]!] });
        assert.ok(!(await ids(again, queries[1]!, 10)).includes(before[1]![0]!));
      } finally {
        await again.close();
      }
    });
  }
}
