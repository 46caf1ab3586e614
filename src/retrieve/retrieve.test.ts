import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { makeWrite } from '../testing/store/fixtures.js';
import { recordStoreCalls } from '../testing/store/record-store-calls.js';
import { fakeEmbedder, fakeReranker, letterVector } from './__fixtures__/doubles.js';
import { retrieve } from './index.js';

// retrieve()'s own logic (depths, stages, fusion, reranking, MMR, parents, recency, sufficiency) on a real SQLite
// store (`:memory:`) with real BM25 scores; a recording view of the store shows what retrieve() asks of it. The
// embedder (letter counts) and reranker (query-word share) are call-recording model doubles. Tenant isolation
// through every mode is tested in retrieve-real-store.test.ts and retrieve-permissions.test.ts.

const DAY = 86_400_000;
/** Paragraph labels, by document (each paragraph one leaf chunk). */
const corpus: Array<{ tenant: string; id: string; lang?: string; paragraphs: Array<[label: string, text: string]> }> = [
  { tenant: 't1', id: 'energy', lang: 'en', paragraphs: [['c1', 'solar panels convert sunlight to power'], ['c2', 'wind turbines make power from wind']] },
  { tenant: 't1', id: 'space', lang: 'de', paragraphs: [['c3', 'solar eclipse seen from earth']] },
  { tenant: 't1', id: 'grid', lang: 'en', paragraphs: [['c4', 'power grids balance solar and wind']] },
  { tenant: 't2', id: 'other', paragraphs: [['x1', 'solar power secret of another tenant']] },
];
const labelOf = new Map(corpus.flatMap((d) => d.paragraphs.map(([label, text]) => [text, label] as const)));
const labels = (hits: Hit[]) => hits.map((h) => labelOf.get(h.chunk.text));

const write = (id: string, paragraphs: string[], o: { metadata?: Record<string, string>; at?: number; parent?: boolean } = {}) =>
  makeWrite({ id, paragraphs, vectors: paragraphs.map((p) => [...letterVector(p)]), ...o });

let base: Store;
before(async () => {
  base = await createSqliteStore({ path: ':memory:' });
  for (const d of corpus) await base.commit({ tenant: d.tenant, writes: [write(d.id, d.paragraphs.map(([, t]) => t), d.lang ? { metadata: { lang: d.lang } } : {})] });
});
after(() => base.close());

describe('retrieve', () => {
  it('defaults to bm25 without an embedder, passes the filter and depth into the search', async () => {
    const store = recordStoreCalls(base);
    const { hits, trace } = await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, filter: { lang: 'en' } });
    assert.equal(trace.mode, 'bm25');
    // A single retriever with nothing after it that reorders: its top K is final, so only K rows are fetched.
    assert.deepEqual(store.calls.keyword.map((c) => [c.topK, c.filter]), [[2, { lang: 'en' }]]);
    assert.deepEqual(labels(hits).sort(), ['c1', 'c4']); // both hold both words; c3 is filtered out inside the search
    const [top] = await base.searchKeyword({ tenant: 't1', query: 'solar power', topK: 1, filter: { lang: 'en' } });
    assert.deepEqual(hits[0]!.stages.bm25, { score: top!.score, rank: 1 }, 'the stage carries the store’s own BM25 score');
    assert.deepEqual(trace.stages.map((s) => [s.name, s.count]), [['bm25', 2]]);
    assert.ok(trace.sufficiency > 0 && trace.sufficiency < 1);
  });

  it('fetches a deeper pool only when a later step can reorder, or when asked to', async () => {
    const store = recordStoreCalls(base);
    await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, candidates: 10 });
    await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, recency: { halfLifeDays: 30 } });
    await retrieve({ store, tenant: 't1', query: 'solar power', topK: 2, embedder: fakeEmbedder() });
    assert.deepEqual(store.calls.keyword.map((c) => c.topK), [10, 50, 50]);
  });

  it('hybrid: fuses both retrievers, every hit carrying each stage it went through', async () => {
    const store = recordStoreCalls(base);
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
    const { hits, trace } = await retrieve({ store: base, tenant: 't1', query: 'wind power', topK: 1, reranker: { model: reranker, topN: 3 } });
    assert.equal(reranker.calls[0]!.documents.length, 3);
    assert.equal(hits.length, 1);
    assert.deepEqual(hits[0]!.stages.rerank, { score: 1, rank: 1 });
    assert.ok(trace.sufficiencyFeatures.rerankTop === 1);
  });

  it('MMR uses the stored vectors the vector search returns (no re-embedding)', async () => {
    const store = recordStoreCalls(base);
    const embedder = fakeEmbedder();
    const { hits } = await retrieve({ store, tenant: 't1', query: 'solar power', mode: 'vector', embedder, mmr: { lambda: 0.5 }, topK: 3 });
    assert.equal(store.calls.vector[0]!.includeVectors, true);
    assert.equal(embedder.calls.length, 1, 'only the query is embedded');
    assert.deepEqual(hits.map((h) => h.stages.mmr!.rank), [1, 2, 3]);
  });

  it('expands children to parents and weights recency from document times', async () => {
    const now = 100 * DAY;
    const store = await createSqliteStore({ path: ':memory:' });
    try {
      await store.commit({ tenant: 't1', writes: [write('old', ['solar power', 'more solar power'], { parent: true, at: 0 }), write('new', ['solar'], { at: now })] });
      const children = (await store.listChunks({ tenant: 't1', documentId: 'old' })).filter((c) => c.role === 'leaf').map((c) => c.id);
      const { hits } = await retrieve({ store, tenant: 't1', query: 'solar power', expand: 'parent', recency: { halfLifeDays: 1, weight: 1 }, _internal: { now: () => now } });
      // bm25: both children of old outscore new's one word → old's parent first; recency weight 1: old is 100
      // half-lives old → ~0, new keeps its score
      assert.deepEqual(hits.map((h) => [h.document.id, h.chunk.role]), [['new', 'leaf'], ['old', 'parent']]);
      assert.deepEqual(hits[1]!.matchedChildren!.map((c) => c.chunkId).sort(), children.sort());
      assert.equal(hits[0]!.stages.recency!.rank, 1);
    } finally {
      await store.close();
    }
  });

  it('normalises the top BM25 score by the store’s query maximum for sufficiency', async () => {
    const { hits, trace } = await retrieve({ store: base, tenant: 't1', query: 'solar power' });
    const { maxScore } = await base.keywordQueryStats!({ tenant: 't1', query: 'solar power' });
    const norm = hits[0]!.stages.bm25!.score / maxScore;
    assert.ok(norm > 0 && norm < 1, `the top score is below the query's maximum (${norm})`);
    assert.equal(trace.sufficiencyFeatures.bm25Norm, norm);
    const none = await retrieve({ store: base, tenant: 't1', query: 'zebra' });
    assert.equal(none.hits.length, 0);
    assert.equal(none.trace.sufficiency, 0);
  });

  it('fails clearly without an embedder for vector modes, without a tenant, or when aborted', async () => {
    await assert.rejects(retrieve({ store: base, tenant: 't1', query: 'q', mode: 'vector' }), { code: 'INVALID_ARGUMENT', message: /needs an embedding model/ });
    await assert.rejects(retrieve({ store: base, tenant: 't1', query: 'q', mmr: true }), { code: 'INVALID_ARGUMENT' });
    await assert.rejects(retrieve({ store: base, tenant: '', query: 'q' }), { code: 'TENANT_REQUIRED' });
    await assert.rejects(retrieve({ store: base, tenant: 't1', query: 'q', signal: AbortSignal.abort() }), { code: 'INTERRUPTED' });
  });
});
