/**
 * Property test of document permissions through the HTTP API (issue #14 acceptance): random documents with random
 * access lists over four principals and three groups in two tenants, on a real SQLite file with its approximate
 * (HNSW) vector index, and random requests as each principal's API key through `POST /v1/search` (bm25, vector,
 * hybrid; rerank, MMR, parent expansion, filters), `POST /v1/ask` (two pipelines, one reranking) and
 * `POST /v1/chat/completions` (sources in `fathom`), some after random ACL updates through the store. Against a
 * brute-force reference: no hit, source or citation a principal may not read, and with k 1000 every readable
 * matching document is found.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AccessList } from '../spec/access.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { Reranker } from '../spec/reranker.js';
import type { RetrievalMode } from '../spec/retrieve.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { makeWrite } from '../testing/store/fixtures.js';
import { createServer } from './create-server.js';
import { createApiKey } from './keys/create-api-key.js';

const words = ['alpha', 'bravo', 'delta', 'kilo', 'lima', 'oscar', 'tango', 'zulu'];
const tenants = ['t1', 't2'] as const;
const people = [
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

/** Scores by a hash of the text: an order unrelated to the retrievers'. */
const reranker: Reranker = {
  specificationVersion: 'v1', provider: 'test', modelId: 'hash-rerank', maxBatchSize: 16, scoresAreProbabilities: true,
  doRerank: async ({ documents }) => ({ scores: documents.map((d) => ([...d].reduce((h, ch) => (h * 33 + ch.charCodeAt(0)) >>> 0, 5) % 1000) / 1000) }),
};

interface Doc { tenant: string; id: string; team: 'a' | 'b'; paragraphs: string[]; acl?: AccessList }

const aclArb: fc.Arbitrary<AccessList | undefined> = fc.option(
  fc.record({ principals: fc.subarray(people.map((p) => p.id)), groups: fc.subarray(['g1', 'g2', 'g3']) }),
  { nil: undefined, freq: 3 },
);
const docArb = fc.record({
  team: fc.constantFrom<'a' | 'b'>('a', 'b'),
  paragraphs: fc.array(fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 5 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 3 }),
  acl: aclArb,
});
const queryArb = fc.record({
  via: fc.constantFrom('search', 'search', 'ask', 'chat'),
  tenant: fc.constantFrom(...tenants),
  person: fc.nat({ max: people.length - 1 }),
  word: fc.constantFrom(...words),
  mode: fc.constantFrom<RetrievalMode>('bm25', 'vector', 'hybrid'),
  k: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(1000)),
  team: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
  mmr: fc.boolean(),
  rerank: fc.boolean(),
  parent: fc.boolean(),
});
const corpusArb = fc.record({
  t1: fc.array(docArb, { minLength: 60, maxLength: 90 }),
  t2: fc.array(docArb, { minLength: 30, maxLength: 60 }),
  queries: fc.array(queryArb, { minLength: 400, maxLength: 400 }),
  updates: fc.array(fc.record({ tenant: fc.constantFrom(...tenants), index: fc.nat(), acl: aclArb }), { minLength: 5, maxLength: 15 }),
});

const readable = (doc: Doc, p: { id: string; groups: string[] }) =>
  !doc.acl || (doc.acl.principals.length === 0 && doc.acl.groups.length === 0) || doc.acl.principals.includes(p.id) || doc.acl.groups.some((g) => p.groups.includes(g));

describe('document permissions through the API (property)', () => {
  it('search (every mode and option), ask and chat completions never return what the caller may not read; every readable match is findable', { timeout: 120_000 }, async () => {
    const embedder = bagOfWords();
    const counts = { search: 0, ask: 0, chat: 0, sources: 0 };
    await fc.assert(
      fc.asyncProperty(corpusArb, async (corpus) => {
        const dir = mkdtempSync(join(tmpdir(), 'fathom-perm-'));
        const store = await createSqliteStore({ path: join(dir, 'f.db'), vectorIndex: { annThreshold: 40, filterExactLimit: 8 } });
        const server = createServer({ store, embedder, reranker, rerankTopN: 1000, config: { rateLimit: false }, search: { mode: 'hybrid' }, pipelines: { reranked: { rerank: true, mode: 'hybrid' } } });
        try {
          const docs = new Map<string, Doc>();
          const keys = new Map<string, string>();
          for (const tenant of tenants) {
            const list = corpus[tenant].map((d, i): Doc => ({ ...d, tenant, id: `d${i}` }));
            const writes = await Promise.all(list.map(async (d) => {
              const vectors = (await embedder.doEmbed({ values: d.paragraphs })).embeddings.map((v) => [...v]);
              return { ...makeWrite({ id: d.id, paragraphs: d.paragraphs, vectors, parent: true, metadata: { team: d.team } }), ...(d.acl ? { acl: d.acl } : {}) };
            }));
            await store.commit({ tenant, writes });
            for (const d of list) docs.set(`${tenant}/${d.id}`, d);
            for (const [i, p] of people.entries()) keys.set(`${tenant}/${p.id}`, (await createApiKey({ store, tenant, principal: p.id, groups: p.groups, role: (['reader', 'writer', 'admin'] as const)[i % 3]! })).key);
          }
          for (const [i, q] of corpus.queries.entries()) {
            if (i === corpus.queries.length / 2) {
              for (const u of corpus.updates) {
                const ofTenant = [...docs.values()].filter((d) => d.tenant === u.tenant);
                const doc = ofTenant[u.index % ofTenant.length]!;
                await store.setDocumentAcl({ tenant: u.tenant, id: doc.id, acl: u.acl });
                doc.acl = u.acl;
              }
            }
            const person = people[q.person]!;
            const scope = [...docs.values()].filter((d) => d.tenant === q.tenant && readable(d, person));
            const filtered = scope.filter((d) => !q.team || d.team === q.team);
            const post = async (path: string, body: unknown) => {
              const r = await server.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${keys.get(`${q.tenant}/${person.id}`)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
              const json = (await r.json()) as Record<string, unknown>;
              assert.equal(r.status, 200, `${path} ${JSON.stringify(body)} → ${JSON.stringify(json)}`);
              return json;
            };
            const leak = (ids: Array<string | undefined>, inScope: Doc[], what: string) => {
              const allowed = new Set(inScope.map((d) => d.id));
              for (const id of ids) assert.ok(id !== undefined && allowed.has(id), `leak: ${q.tenant}/${id} to ${person.id} through ${what} (${JSON.stringify(q)})`);
            };
            if (q.via === 'search') {
              counts.search++;
              const body = { query: q.word, mode: q.mode, k: q.k, mmr: q.mmr, rerank: q.rerank, parent: q.parent, ...(q.team ? { filter: { team: q.team } } : {}) };
              const { hits } = (await post('/v1/search', body)) as { hits: Array<{ document: { id: string }; chunk: { documentId: string; tenant: string } }> };
              for (const h of hits) assert.equal(h.chunk.tenant, q.tenant, 'tenant');
              leak(hits.flatMap((h) => [h.document.id, h.chunk.documentId]), filtered, 'search');
              if (q.k === 1000) {
                const expected = q.mode === 'bm25' ? filtered.filter((d) => d.paragraphs.some((p) => p.split(' ').includes(q.word))) : filtered;
                assert.deepEqual([...new Set(hits.map((h) => h.document.id))].sort(), expected.map((d) => d.id).sort(), `findable (${JSON.stringify(q)})`);
              }
            } else if (q.via === 'ask') {
              counts.ask++;
              const a = (await post('/v1/ask', { question: `${q.word}?`, mode: q.mode, k: Math.min(q.k, 20), ...(q.team ? { filter: { team: q.team } } : {}), ...(q.rerank ? { pipeline: 'reranked' } : {}) })) as { sources: Array<{ documentId?: string }>; citations: Array<{ documentId?: string; valid: boolean }> };
              counts.sources += a.sources.length;
              leak(a.sources.map((s) => s.documentId), filtered, 'ask sources');
              leak(a.citations.filter((c) => c.valid).map((c) => c.documentId), filtered, 'ask citations');
              if (q.mode === 'bm25' && filtered.some((d) => d.paragraphs.some((p) => p.split(' ').includes(q.word)))) assert.ok(a.sources.length > 0, `a readable match gives sources (${JSON.stringify(q)})`);
            } else {
              counts.chat++;
              const r = (await post('/v1/chat/completions', { model: q.rerank ? 'reranked' : 'fathom-rag', messages: [{ role: 'user', content: `${q.word}?` }] })) as { fathom: { sources: Array<{ documentId?: string }>; citations: Array<{ documentId?: string; valid: boolean }> } };
              counts.sources += r.fathom.sources.length;
              leak(r.fathom.sources.map((s) => s.documentId), scope, 'chat sources');
              leak(r.fathom.citations.filter((c) => c.valid).map((c) => c.documentId), scope, 'chat citations');
            }
          }
        } finally {
          await server.drain(1000);
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 5, seed: 20261205, endOnFailure: true },
    );
    assert.equal(counts.search + counts.ask + counts.chat, 2000);
    assert.ok(counts.ask > 50 && counts.chat > 50 && counts.sources > 100, JSON.stringify(counts));
  });
});
