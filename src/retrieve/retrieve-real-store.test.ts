/**
 * retrieve() on a real SQLite store: reranking with a real cross-encoder (a random-weight ONNX model the test
 * writes, run by transformers.js) orders the candidates exactly as the cross-encoder's own scores do; and
 * tenants stay isolated through every retrieval mode (bm25, vector, hybrid, each plain, reranked, with MMR),
 * with exact and approximate (HNSW) vector search, before and after a delete in one tenant.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hit } from '../spec/hit.js';
import type { Reranker } from '../spec/reranker.js';
import type { RetrievalMode, RetrieveOptions } from '../spec/retrieve.js';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createBagOfWordsEmbedder } from '../testing/bag-of-words-embedder.js';
import { makeWrite } from '../testing/store/fixtures.js';
import { writeTinyBertModel } from '../testing/tiny-onnx/index.js';
import { retrieve } from './index.js';

const transformersMissing = await import('@huggingface/transformers').then(
  () => false,
  () => 'the optional dependency @huggingface/transformers is not installed (npm install @huggingface/transformers)',
);
const createReranker = async (options: { localModelPath: string; maxBatchSize?: number }): Promise<Reranker> => {
  const { createTransformersReranker } = await import('../providers/transformers-js/index.js');
  return createTransformersReranker({ modelId: 'fathom/tiny-ce', allowRemote: false, ...options });
};

/** Bag of words hashed into 64 dimensions, unit length: cosine similarity follows shared words. */
const embedder = createBagOfWordsEmbedder({ dimensions: 64 });
const write = async (id: string, paragraphs: string[]) => makeWrite({ id, paragraphs, vectors: (await embedder.doEmbed({ values: paragraphs })).embeddings.map((v) => [...v]) });

let root: string;
let modelDir: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'fathom-retrieve-real-'));
  modelDir = join(root, 'tiny-ce');
  if (!transformersMissing) await writeTinyBertModel({ dir: modelDir, kind: 'cross-encoder', seed: 7 });
});
after(() => rm(root, { recursive: true, force: true }));

describe('reranking with a generated cross-encoder on a SQLite store', { skip: transformersMissing }, () => {
  let store: Store;
  let reranker: Reranker;
  const tenant = 'energy';
  const query = 'solar power for the grid';
  const topN = 8;
  const topK = 5;

  before(async () => {
    store = await createSqliteStore({ path: join(root, 'rerank.db') });
    reranker = await createReranker({ localModelPath: modelDir });
    const texts = [
      'Solar panels turn sunlight into electric power for homes.',
      'The grid operator balances solar and wind power every hour.',
      'Batteries store solar power for the evening peak on the grid.',
      'Rooftop solar lowers the power bill of a household.',
      'A solar farm feeds power into the regional grid.',
      'Grid frequency drops when a large power plant trips.',
      'Solar eclipses are visible from a narrow band of the earth.',
      'Wind turbines add power to the grid on stormy days.',
      'Utility-scale solar needs new grid connections.',
      'Power lines carry electricity from plants to cities.',
      'The solar inverter converts direct current for the grid.',
      'Ocean tides move twice a day.',
    ];
    await store.commit({ tenant, writes: await Promise.all(texts.map((t, i) => write(`doc-${i}`, [t]))) });
  });
  after(() => store.close());

  /** The first-stage candidates the reranker sees, and the order the cross-encoder itself gives them. */
  const expectedOrder = async (base: Partial<RetrieveOptions>): Promise<{ candidates: Hit[]; scores: Map<string, number>; order: string[] }> => {
    const { hits: candidates } = await retrieve({ store, tenant, query, ...base, topK: topN });
    assert.equal(candidates.length, topN, 'enough first-stage candidates for the test');
    const { scores } = await reranker.doRerank({ query, documents: candidates.map((h) => h.chunk.text) });
    const byId = new Map(candidates.map((h, i) => [h.chunk.id, scores[i]!]));
    const order = [...byId].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([id]) => id);
    return { candidates, scores: byId, order };
  };

  for (const base of [{ mode: 'bm25' as const }, { mode: 'hybrid' as const, embedder }]) {
    it(`${base.mode}: the final order is the cross-encoder's order of the top ${topN} candidates, cut to ${topK}`, async () => {
      const { candidates, scores, order } = await expectedOrder(base);
      assert.notDeepEqual(order, candidates.map((h) => h.chunk.id), 'the cross-encoder reorders the candidates (else the test proves nothing)');
      const { hits, trace } = await retrieve({ store, tenant, query, ...base, topK, reranker: { model: reranker, topN } });
      assert.deepEqual(hits.map((h) => h.chunk.id), order.slice(0, topK));
      assert.deepEqual(hits.map((h) => h.stages.rerank?.rank), [1, 2, 3, 4, 5]);
      for (const h of hits) {
        assert.ok(Math.abs(h.stages.rerank!.score - scores.get(h.chunk.id)!) < 1e-6, 'the stage score is the cross-encoder score');
        assert.equal(h.score, h.stages.rerank!.score, 'the final score is the rerank score');
        assert.ok(h.stages.bm25 || h.stages.vector, 'first-stage scores are kept');
      }
      assert.deepEqual(trace.stages.find((s) => s.name === 'rerank')?.count, topN);
    });
  }

  it('gives the same order when the cross-encoder scores the candidates in several batches', async () => {
    const small = await createReranker({ localModelPath: modelDir, maxBatchSize: 3 });
    const { order } = await expectedOrder({ mode: 'bm25' });
    const { hits } = await retrieve({ store, tenant, query, mode: 'bm25', topK, reranker: { model: small, topN } });
    assert.deepEqual(hits.map((h) => h.chunk.id), order.slice(0, topK));
  });
});

describe('tenant isolation through every retrieval mode on a SQLite store', () => {
  const tenants = ['acme', 'globex'] as const;
  // Identical documents (same ids, same text) in both tenants, plus one document only each tenant has.
  const shared: Array<[string, string[]]> = [
    ['merger-plan', ['Confidential merger plans with the northern supplier.', 'The merger closes after the board vote.']],
    ['refund-policy', ['Enterprise customers get a refund within thirty days.']],
    ['vacation', ['The vacation schedule is posted every spring.']],
    ['security', ['Data is encrypted at rest and the merger data room is audited.']],
  ];
  const only = { acme: ['acme-only', ['Zanzibar office plans and the merger budget.']], globex: ['globex-only', ['Kilimanjaro office plans and the refund budget.']] } as const;
  const queries = ['merger plans', 'refund for enterprise customers', 'zanzibar office', 'kilimanjaro office', 'data encrypted'];
  const variants: Array<{ name: string; options: (reranker?: Reranker) => Partial<RetrieveOptions> }> = [
    { name: 'plain', options: () => ({}) },
    { name: 'rerank', options: (model) => ({ reranker: { model: model!, topN: 10 } }) },
    { name: 'mmr', options: () => ({ mmr: { lambda: 0.5 } }) },
    { name: 'rerank+mmr', options: (model) => ({ reranker: { model: model!, topN: 10 }, mmr: true }) },
  ];

  for (const vectorMode of ['exact', 'ann'] as const) {
    describe(`${vectorMode} vector search`, () => {
      let store: Store;
      let reranker: Reranker | undefined;
      const chunkIds = new Map<string, Set<string>>();

      before(async () => {
        store = await createSqliteStore({ path: join(root, `tenants-${vectorMode}.db`), vectorIndex: { mode: vectorMode } });
        if (!transformersMissing) reranker = await createReranker({ localModelPath: modelDir });
        for (const tenant of tenants) {
          const [id, paragraphs] = only[tenant];
          await store.commit({ tenant, writes: await Promise.all([...shared, [id, [...paragraphs]] as [string, string[]]].map(([d, p]) => write(d, p))) });
          const ids = new Set<string>();
          for (const doc of await store.listDocuments({ tenant })) for (const c of await store.listChunks({ tenant, documentId: doc.id })) ids.add(c.id);
          chunkIds.set(tenant, ids);
        }
        const [a, b] = tenants.map((t) => chunkIds.get(t)!);
        assert.ok([...a].every((id) => !b.has(id)), 'identical documents get distinct chunk ids per tenant, so id membership tells the tenants apart');
      });
      after(() => store.close());

      /** Every mode × variant × query in `tenant`; checks each hit belongs to it and returns the document ids seen per run. */
      const runAll = async (tenant: string, allowed: Set<string>): Promise<Map<string, Set<string>>> => {
        const seen = new Map<string, Set<string>>();
        for (const mode of ['bm25', 'vector', 'hybrid'] as RetrievalMode[]) {
          for (const variant of variants) {
            if (variant.name.includes('rerank') && !reranker) continue;
            for (const query of queries) {
              const { hits } = await retrieve({ store, tenant, query, mode, embedder, topK: 10, ...variant.options(reranker) });
              const at = `${tenant} · ${mode} · ${variant.name} · "${query}"`;
              for (const h of hits) {
                assert.equal(h.chunk.tenant, tenant, at);
                assert.ok(allowed.has(h.chunk.id), `${at}: chunk ${h.chunk.id} (${h.document.id}) is not a current chunk of ${tenant}`);
              }
              const key = `${mode} · ${variant.name}`;
              const docs = seen.get(key) ?? new Set<string>();
              for (const h of hits) docs.add(h.document.id);
              seen.set(key, docs);
            }
          }
        }
        return seen;
      };

      it('returns only the tenant’s own chunks; each tenant finds its own copy of the shared documents', async () => {
        for (const tenant of tenants) {
          const other = tenant === 'acme' ? 'globex' : 'acme';
          const seen = await runAll(tenant, chunkIds.get(tenant)!);
          for (const [run, docs] of seen) {
            assert.ok(docs.has('merger-plan'), `${tenant} · ${run}: finds its own merger-plan`);
            assert.ok(docs.has(only[tenant][0]), `${tenant} · ${run}: finds its own ${only[tenant][0]}`);
            assert.ok(!docs.has(only[other][0]), `${tenant} · ${run}: never sees ${only[other][0]}`);
          }
          assert.equal(seen.size, reranker ? 12 : 6);
        }
      });

      it('a delete in one tenant removes the document there and only there', async () => {
        const deleted = await store.deleteDocuments({ tenant: 'acme', ids: ['merger-plan'] });
        assert.deepEqual(deleted.deleted, ['merger-plan']);
        const acmeAfter = new Set(chunkIds.get('acme'));
        for (const id of [...acmeAfter]) if (!(await store.getChunks({ tenant: 'acme', ids: [id] })).length) acmeAfter.delete(id);
        assert.equal(acmeAfter.size, chunkIds.get('acme')!.size - 2, 'both chunks of merger-plan are gone from acme');

        for (const [run, docs] of await runAll('acme', acmeAfter)) assert.ok(!docs.has('merger-plan'), `acme · ${run}: the deleted document is gone`);
        for (const [run, docs] of await runAll('globex', chunkIds.get('globex')!)) assert.ok(docs.has('merger-plan'), `globex · ${run}: its own copy is still found`);
      });
    });
  }
});
