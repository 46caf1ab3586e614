/** Conformance: nothing written in one tenant is visible, searchable or deletable from another. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { collect, hasVectors, makeWrite, withStore } from './fixtures.js';

export function tenancyCases(create: () => Promise<Store>): void {
  it('isolates tenants in every read, search and delete', () =>
    withStore(create, async (store) => {
      const w = makeWrite({ id: 'shared-id', paragraphs: ['Confidential merger plans.'], vectors: [[1, 0]], signature: { values: [1, 2, 3], bands: ['b1'] } });
      const [r] = (await store.commit({ tenant: 'A', writes: [w] })).results;
      const chunkId = `${r!.versionId}:0`;
      await store.appendQueryLog({ tenant: 'A', id: 'q1', at: 1, kind: 'search', query: 'merger', retrieved: [], latencyMs: {} });
      await store.setMeta({ tenant: 'A', key: 'k', value: 'v' });
      const B = 'B';
      assert.equal(await store.getDocument({ tenant: B, id: 'shared-id' }), undefined);
      assert.deepEqual(await store.listDocuments({ tenant: B }), []);
      assert.deepEqual(await collect(store.listDocumentKeys({ tenant: B })), []);
      assert.deepEqual(await store.countDocuments({ tenant: B }), { documents: 0, versions: 0, chunks: 0 });
      assert.deepEqual(await store.listVersions({ tenant: B, documentId: 'shared-id' }), []);
      assert.deepEqual(await store.listChunks({ tenant: B, documentId: 'shared-id' }), []);
      assert.deepEqual(await store.listChunks({ tenant: B, documentId: 'shared-id', versionId: r!.versionId }), []);
      assert.deepEqual(await store.getChunks({ tenant: B, ids: [chunkId] }), []);
      assert.deepEqual(await store.findByContentHash({ tenant: B, contentHash: w.contentHash }), []);
      assert.deepEqual(await store.findBySignatureBands({ tenant: B, bands: ['b1'] }), []);
      assert.deepEqual(await store.searchKeyword({ tenant: B, query: 'merger', topK: 5 }), []);
      if (hasVectors(store)) assert.deepEqual(await store.searchVector({ tenant: B, vector: Float32Array.from([1, 0]), topK: 5 }), []);
      assert.deepEqual(await store.listQueryLog({ tenant: B }), []);
      assert.equal(await store.getMeta({ tenant: B, key: 'k' }), undefined);
      const del = await store.deleteDocuments({ tenant: B, ids: ['shared-id'] });
      assert.deepEqual(del.deleted, []);
      assert.deepEqual(del.missing, ['shared-id']);

      // B gets its own document under the same id; A is untouched.
      const [rb] = (await store.commit({ tenant: B, writes: [makeWrite({ id: 'shared-id', paragraphs: ['Public picnic notice.'], vectors: [[0, 1]] })] })).results;
      assert.equal(rb!.status, 'created');
      assert.deepEqual((await store.searchKeyword({ tenant: B, query: 'merger', topK: 5 })), []);
      if (hasVectors(store)) {
        const vb = await store.searchVector({ tenant: B, vector: Float32Array.from([1, 0]), topK: 5 });
        assert.deepEqual(vb.map((h) => h.chunk.text), ['Public picnic notice.']);
      }
      await store.deleteDocuments({ tenant: B, ids: ['shared-id'] });
      const a = await store.searchKeyword({ tenant: 'A', query: 'merger', topK: 5 });
      assert.deepEqual(a.map((h) => [h.chunk.tenant, h.chunk.id]), [['A', chunkId]]);
      assert.equal((await store.getDocument({ tenant: 'A', id: 'shared-id' }))!.versionCount, 1);
      assert.equal(await store.getMeta({ tenant: 'A', key: 'k' }), 'v');
      assert.equal((await store.listQueryLog({ tenant: 'A' })).length, 1);
    }));

  it('keeps BM25 statistics per tenant', () =>
    withStore(create, async (store) => {
      // In A the term is rare (high idf); B is flooded with it. A's score must not depend on B.
      await store.commit({ tenant: 'A', writes: [makeWrite({ id: 'a1', paragraphs: ['kiwi fruit'] }), makeWrite({ id: 'a2', paragraphs: ['plain bread'] })] });
      const before = (await store.searchKeyword({ tenant: 'A', query: 'kiwi', topK: 1 }))[0]!.score;
      await store.commit({ tenant: 'B', writes: Array.from({ length: 20 }, (_, i) => makeWrite({ id: `b${i}`, paragraphs: [`kiwi kiwi number ${i}`] })) });
      const after = (await store.searchKeyword({ tenant: 'A', query: 'kiwi', topK: 1 }))[0]!.score;
      assert.equal(after, before);
    }));
}
