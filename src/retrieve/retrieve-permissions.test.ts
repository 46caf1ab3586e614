/**
 * Property test of document permissions through retrieve(): random documents with random access lists over four
 * principals and three groups in two tenants, a real SQLite store using its approximate (HNSW) vector index, and
 * random queries in every mode (bm25, vector, hybrid; rerank; MMR; parent expansion; filters), some after random ACL
 * updates. Against a brute-force reference: no hit a principal may not read, k readable hits when they exist,
 * and every readable matching document still findable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AccessList, Principal } from '../spec/access.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { Reranker } from '../spec/reranker.js';
import type { RetrievalMode } from '../spec/retrieve.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { makeWrite } from '../testing/store/fixtures.js';
import { retrieve } from './index.js';

const words = ['alpha', 'bravo', 'delta', 'kilo', 'lima', 'oscar', 'tango', 'zulu'];
const tenants = ['t1', 't2'];
const principals: Array<Principal | undefined> = [
  undefined,
  { id: 'user:u1', groups: ['g1'] },
  { id: 'user:u2', groups: ['g2', 'g3'] },
  { id: 'user:u3', groups: [] },
  { id: 'user:u4', groups: ['g1', 'g3'] },
];

function bagOfWords(): EmbeddingModel {
  const embed = (text: string): Float32Array => {
    const v = new Float32Array(32);
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      let h = 7;
      for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      v[h % 32]! += 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  return { specificationVersion: 'v1', provider: 'test', modelId: 'bow-32', dimensions: 32, maxBatchSize: 64, supportsParallelCalls: true, normalized: true, doEmbed: async ({ values }) => ({ embeddings: values.map(embed) }) };
}

/** Scores by a hash of the text: an order unrelated to the retrievers', so reranking reshuffles the candidates. */
const reranker: Reranker = {
  specificationVersion: 'v1', provider: 'test', modelId: 'hash-rerank', maxBatchSize: 16, scoresAreProbabilities: true,
  doRerank: async ({ documents }) => ({ scores: documents.map((d) => ([...d].reduce((h, ch) => (h * 33 + ch.charCodeAt(0)) >>> 0, 5) % 1000) / 1000) }),
};

interface Doc {
  tenant: string;
  id: string;
  team: 'a' | 'b';
  paragraphs: string[];
  acl?: AccessList;
}

const aclArb: fc.Arbitrary<AccessList | undefined> = fc.option(
  fc.record({ principals: fc.subarray(['user:u1', 'user:u2', 'user:u3', 'user:u4']), groups: fc.subarray(['g1', 'g2', 'g3']) }),
  { nil: undefined, freq: 3 },
);
const docArb = fc.record({
  team: fc.constantFrom<'a' | 'b'>('a', 'b'),
  paragraphs: fc.array(fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 5 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 3 }),
  acl: aclArb,
});
const queryArb = fc.record({
  tenant: fc.constantFrom(...tenants),
  principal: fc.integer({ min: 0, max: principals.length - 1 }),
  word: fc.constantFrom(...words),
  mode: fc.constantFrom<RetrievalMode>('bm25', 'vector', 'hybrid'),
  topK: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(1000)),
  team: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
  mmr: fc.boolean(),
  rerank: fc.boolean(),
  parent: fc.boolean(),
});
const corpusArb = fc.record({
  t1: fc.array(docArb, { minLength: 60, maxLength: 90 }),
  t2: fc.array(docArb, { minLength: 30, maxLength: 60 }),
  queries: fc.array(queryArb, { minLength: 100, maxLength: 100 }),
  updates: fc.array(fc.record({ tenant: fc.constantFrom(...tenants), index: fc.nat(), acl: aclArb }), { minLength: 5, maxLength: 15 }),
});

const readable = (doc: Doc, p: Principal | undefined) =>
  !p || !doc.acl || (doc.acl.principals.length === 0 && doc.acl.groups.length === 0) || doc.acl.principals.includes(p.id) || doc.acl.groups.some((g) => p.groups?.includes(g));

describe('retrieve() enforces document permissions (property)', () => {
  it('no hit a principal may not read; k readable hits; every readable match findable — bm25, vector (HNSW), hybrid, rerank, MMR, parents, filters', async () => {
    const embedder = bagOfWords();
    let queriesRun = 0;
    await fc.assert(
      fc.asyncProperty(corpusArb, async (corpus) => {
        const store = await createSqliteStore({ path: ':memory:', vectorIndex: { annThreshold: 40, filterExactLimit: 8 } });
        try {
          const docs = new Map<string, Doc>();
          for (const tenant of tenants) {
            const list = corpus[tenant as 't1' | 't2'].map((d, i): Doc => ({ ...d, tenant, id: `d${i}` }));
            const writes = await Promise.all(list.map(async (d) => {
              const vectors = (await embedder.doEmbed({ values: d.paragraphs })).embeddings.map((v) => [...v]);
              return { ...makeWrite({ id: d.id, paragraphs: d.paragraphs, vectors, parent: true, metadata: { team: d.team } }), ...(d.acl ? { acl: d.acl } : {}) };
            }));
            await store.commit({ tenant, writes });
            for (const d of list) docs.set(`${tenant}/${d.id}`, d);
          }
          for (const [i, q] of corpus.queries.entries()) {
            if (i === corpus.queries.length / 2) {
              for (const u of corpus.updates) {
                const ids = [...docs.values()].filter((d) => d.tenant === u.tenant);
                const doc = ids[u.index % ids.length]!;
                await store.setDocumentAcl({ tenant: u.tenant, id: doc.id, acl: u.acl });
                doc.acl = u.acl;
              }
            }
            const principal = principals[q.principal];
            const { hits } = await retrieve({
              store, tenant: q.tenant, query: q.word, mode: q.mode, topK: q.topK, embedder: q.mode === 'bm25' && !q.mmr ? undefined : embedder, mmr: q.mmr,
              ...(q.rerank ? { reranker: { model: reranker, topN: 1000 } } : {}), ...(q.parent ? { expand: 'parent' as const } : {}),
              ...(principal ? { principal } : {}), ...(q.team ? { filter: { team: q.team } } : {}),
            });
            queriesRun++;
            const scope = [...docs.values()].filter((d) => d.tenant === q.tenant && readable(d, principal) && (!q.team || d.team === q.team));
            const inScope = new Set(scope.map((d) => d.id));
            for (const h of hits) {
              assert.equal(h.chunk.tenant, q.tenant, 'tenant');
              assert.ok(inScope.has(h.document.id) && inScope.has(h.chunk.documentId), `leak: ${q.tenant}/${h.document.id} to ${principal?.id ?? 'trusted'} (${JSON.stringify(q)})`);
            }
            const matching = scope.filter((d) => d.paragraphs.some((p) => p.split(' ').includes(q.word)));
            const leafCount = (ds: Doc[], byWord: boolean) => ds.flatMap((d) => d.paragraphs).filter((p) => !byWord || p.split(' ').includes(q.word)).length;
            const found = new Set(hits.map((h) => h.document.id));
            if (q.topK === 1000) {
              const expected = q.mode === 'bm25' ? matching : scope;
              assert.deepEqual([...found].sort(), expected.map((d) => d.id).sort(), `findable (${JSON.stringify(q)})`);
            } else if (!q.parent && q.mode !== 'hybrid') {
              const available = leafCount(q.mode === 'bm25' ? matching : scope, q.mode === 'bm25');
              assert.equal(hits.length, Math.min(q.topK, available), `k readable hits (${JSON.stringify(q)})`);
            }
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: 3, seed: 20261205 },
    );
    assert.equal(queriesRun, 300);
  });
});
