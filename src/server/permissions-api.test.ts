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
import { createSqliteStore } from '../store/sqlite/index.js';
import { createBagOfWordsEmbedder } from '../testing/bag-of-words-embedder.js';
import { hashReranker as reranker } from '../testing/permissions/hash-reranker.js';
import type { PermissionDoc } from '../testing/permissions/permission-corpus.js';
import { applyAclUpdates, canRead, commitPermissionCorpus, permissionCorpusArb, permissionPeople as people, permissionQueryFields, permissionTenants as tenants } from '../testing/permissions/permission-corpus.js';
import { createServer } from './create-server.js';
import { createApiKey } from './keys/create-api-key.js';

const queryArb = fc.record({
  via: fc.constantFrom('search', 'search', 'ask', 'chat'),
  tenant: fc.constantFrom(...tenants),
  person: fc.nat({ max: people.length - 1 }),
  ...permissionQueryFields,
});
const corpusArb = permissionCorpusArb(queryArb, 400);

describe('document permissions through the API (property)', () => {
  it('search (every mode and option), ask and chat completions never return what the caller may not read; every readable match is findable', { timeout: 120_000 }, async () => {
    const embedder = createBagOfWordsEmbedder();
    const counts = { search: 0, ask: 0, chat: 0, sources: 0 };
    await fc.assert(
      fc.asyncProperty(corpusArb, async (corpus) => {
        const dir = mkdtempSync(join(tmpdir(), 'fathom-perm-'));
        const store = await createSqliteStore({ path: join(dir, 'f.db'), vectorIndex: { annThreshold: 40, filterExactLimit: 8 } });
        const server = createServer({ store, embedder, reranker, rerankTopN: 1000, config: { rateLimit: false }, search: { mode: 'hybrid' }, pipelines: { reranked: { rerank: true, mode: 'hybrid' } } });
        try {
          const docs = await commitPermissionCorpus({ store, embedder, corpus });
          const keys = new Map<string, string>();
          for (const tenant of tenants) {
            for (const [i, p] of people.entries()) keys.set(`${tenant}/${p.id}`, (await createApiKey({ store, tenant, principal: p.id, groups: p.groups, role: (['reader', 'writer', 'admin'] as const)[i % 3]! })).key);
          }
          for (const [i, q] of corpus.queries.entries()) {
            if (i === corpus.queries.length / 2) await applyAclUpdates({ store, docs, corpus });
            const person = people[q.person]!;
            const scope = [...docs.values()].filter((d) => d.tenant === q.tenant && canRead(d, person));
            const filtered = scope.filter((d) => !q.team || d.team === q.team);
            const post = async (path: string, body: unknown) => {
              const r = await server.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${keys.get(`${q.tenant}/${person.id}`)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
              const json = (await r.json()) as Record<string, unknown>;
              assert.equal(r.status, 200, `${path} ${JSON.stringify(body)} → ${JSON.stringify(json)}`);
              return json;
            };
            const leak = (ids: Array<string | undefined>, inScope: PermissionDoc[], what: string) => {
              const allowed = new Set(inScope.map((d) => d.id));
              for (const id of ids) assert.ok(id !== undefined && allowed.has(id), `leak: ${q.tenant}/${id} to ${person.id} through ${what} (${JSON.stringify(q)})`);
            };
            if (q.via === 'search') {
              counts.search++;
              const body = { query: q.word, mode: q.mode, k: q.topK, mmr: q.mmr, rerank: q.rerank, parent: q.parent, ...(q.team ? { filter: { team: q.team } } : {}) };
              const { hits } = (await post('/v1/search', body)) as { hits: Array<{ document: { id: string }; chunk: { documentId: string; tenant: string } }> };
              for (const h of hits) assert.equal(h.chunk.tenant, q.tenant, 'tenant');
              leak(hits.flatMap((h) => [h.document.id, h.chunk.documentId]), filtered, 'search');
              if (q.topK === 1000) {
                const expected = q.mode === 'bm25' ? filtered.filter((d) => d.paragraphs.some((p) => p.split(' ').includes(q.word))) : filtered;
                assert.deepEqual([...new Set(hits.map((h) => h.document.id))].sort(), expected.map((d) => d.id).sort(), `findable (${JSON.stringify(q)})`);
              }
            } else if (q.via === 'ask') {
              counts.ask++;
              const a = (await post('/v1/ask', { question: `${q.word}?`, mode: q.mode, k: Math.min(q.topK, 20), ...(q.team ? { filter: { team: q.team } } : {}), ...(q.rerank ? { pipeline: 'reranked' } : {}) })) as { sources: Array<{ documentId?: string }>; citations: Array<{ documentId?: string; valid: boolean }> };
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
