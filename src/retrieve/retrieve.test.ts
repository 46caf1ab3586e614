import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fakeEmbedder, fakeReranker, fakeStore, type FakeChunkInput } from './__fixtures__/fake-store.js';
import { retrieve } from './index.js';

// The fake store records what retrieve() asks for (depths, filters, vectors) and scores by word overlap, so
// stage scores can be written by hand. It makes no isolation or storage claim: tenant isolation through every
// mode is tested on a real SQLite store (retrieve-real-store.test.ts, retrieve-permissions.test.ts).

const DAY = 86_400_000;
const chunks: FakeChunkInput[] = [
  { id: 'c1', text: 'solar panels convert sunlight to power', documentId: 'energy', metadata: { lang: 'en' } },
  { id: 'c2', text: 'wind turbines make power from wind', documentId: 'energy', metadata: { lang: 'en' } },
  { id: 'c3', text: 'solar eclipse seen from earth', documentId: 'space', metadata: { lang: 'de' } },
  { id: 'c4', text: 'power grids balance solar and wind', documentId: 'grid', metadata: { lang: 'en' } },
  { id: 'x1', text: 'solar power secret of another tenant', documentId: 'other', tenant: 't2' },
];

describe('retrieve', () => {
  it('defaults to bm25 without an embedder, passes the filter and depth into the search', async () => {
    const store = fakeStore(chunks);
    const { hits, trace } = await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, filter: { lang: 'en' } });
    assert.equal(trace.mode, 'bm25');
    // A single retriever with nothing after it that reorders: its top K is final, so only K rows are fetched.
    assert.deepEqual(store.calls.keyword.map((c) => [c.topK, c.filter]), [[2, { lang: 'en' }]]);
    assert.deepEqual(hits.map((h) => h.chunk.id), ['c1', 'c4']); // both share 2 words; c3 is filtered out inside the search
    assert.deepEqual(hits[0]!.stages.bm25, { score: 2, rank: 1 });
    assert.deepEqual(trace.stages.map((s) => [s.name, s.count]), [['bm25', 2]]);
    assert.ok(trace.sufficiency > 0 && trace.sufficiency < 1);
  });

  it('fetches a deeper pool only when a later step can reorder, or when asked to', async () => {
    const store = fakeStore(chunks);
    await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, candidates: 10 });
    await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, recency: { halfLifeDays: 30 } });
    await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, embedder: fakeEmbedder() });
    assert.deepEqual(store.calls.keyword.map((c) => c.topK), [10, 50, 50]);
  });

  it('hybrid: fuses both retrievers, every hit carrying each stage it went through', async () => {
    const store = fakeStore(chunks);
    const embedder = fakeEmbedder();
    const { hits, trace } = await retrieve({ store, tenant: 't1', query: 'solar power', embedder, candidates: 3 });
    assert.equal(trace.mode, 'hybrid');
    assert.deepEqual(embedder.calls.map((c) => c.kind), ['query']);
    assert.equal(store.calls.vector[0]!.topK, 10, 'depth is at least topK');
    assert.ok(hits.every((h) => h.stages.fused && h.score === h.stages.fused.score));
    assert.ok(hits.some((h) => h.stages.bm25 && h.stages.vector));
    assert.deepEqual(trace.stages.map((s) => s.name).sort(), ['bm25', 'fuse', 'vector']);
  });

  it('reranks the top N, then cuts to k', async () => {
    const reranker = fakeReranker({ maxBatchSize: 10 });
    const { hits, trace } = await retrieve({ store: fakeStore(chunks), tenant: 't1', query: 'wind power', topK: 1, reranker: { model: reranker, topN: 3 } });
    assert.equal(reranker.calls[0]!.documents.length, 3);
    assert.equal(hits.length, 1);
    assert.deepEqual(hits[0]!.stages.rerank, { score: 1, rank: 1 });
    assert.ok(trace.sufficiencyFeatures.rerankTop === 1);
  });

  it('MMR uses the stored vectors the vector search returns (no re-embedding)', async () => {
    const store = fakeStore(chunks);
    const embedder = fakeEmbedder();
    const { hits } = await retrieve({ store, tenant: 't1', query: 'solar power', mode: 'vector', embedder, mmr: { lambda: 0.5 }, topK: 3 });
    assert.equal(store.calls.vector[0]!.includeVectors, true);
    assert.equal(embedder.calls.length, 1, 'only the query is embedded');
    assert.deepEqual(hits.map((h) => h.stages.mmr!.rank), [1, 2, 3]);
  });

  it('expands children to parents and weights recency from document times', async () => {
    const family: FakeChunkInput[] = [
      { id: 'p', text: 'the whole section about solar power', role: 'parent', documentId: 'old' },
      { id: 'k1', text: 'solar power', parentId: 'p', documentId: 'old' },
      { id: 'k2', text: 'more solar power', parentId: 'p', documentId: 'old' },
      { id: 'n', text: 'solar', documentId: 'new' },
    ];
    const now = 100 * DAY;
    const store = fakeStore(family, [{ id: 'old', updatedAt: 0 }, { id: 'new', updatedAt: now }]);
    const { hits } = await retrieve({ store, tenant: 't1', query: 'solar power', expand: 'parent', recency: { halfLifeDays: 1, weight: 1 }, _internal: { now: () => now } });
    // bm25: k1 2, k2 2, n 1 → parent p (score 2) and n (1); recency weight 1: p is 100 half-lives old → ~0, n keeps 1
    assert.deepEqual(hits.map((h) => h.chunk.id), ['n', 'p']);
    assert.deepEqual(hits[1]!.matchedChildren!.map((c) => c.chunkId), ['k1', 'k2']);
    assert.equal(hits[0]!.stages.recency!.rank, 1);
  });

  it('normalises the top BM25 score by the store’s query maximum for sufficiency', async () => {
    const { trace } = await retrieve({ store: fakeStore(chunks, [], { maxScore: 4 }), tenant: 't1', query: 'solar power' });
    assert.equal(trace.sufficiencyFeatures.bm25Norm, 0.5);
    const none = await retrieve({ store: fakeStore(chunks), tenant: 't1', query: 'zebra' });
    assert.equal(none.hits.length, 0);
    assert.equal(none.trace.sufficiency, 0);
  });

  it('fails clearly without an embedder for vector modes, without a tenant, or when aborted', async () => {
    const store = fakeStore(chunks);
    await assert.rejects(retrieve({ store, tenant: 't1', query: 'q', mode: 'vector' }), { code: 'INVALID_ARGUMENT', message: /needs an embedding model/ });
    await assert.rejects(retrieve({ store, tenant: 't1', query: 'q', mmr: true }), { code: 'INVALID_ARGUMENT' });
    await assert.rejects(retrieve({ store, tenant: '', query: 'q' }), { code: 'TENANT_REQUIRED' });
    await assert.rejects(retrieve({ store, tenant: 't1', query: 'q', signal: AbortSignal.abort() }), { code: 'INTERRUPTED' });
  });
});
