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
import type { Principal } from '../spec/access.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createBagOfWordsEmbedder } from '../testing/bag-of-words-embedder.js';
import { hashReranker as reranker } from '../testing/permissions/hash-reranker.js';
import { applyAclUpdates, canRead, commitPermissionCorpus, permissionCorpusArb, permissionPeople, permissionQueryFields, permissionTenants } from '../testing/permissions/permission-corpus.js';
import { retrieve } from './index.js';

/** The trusted caller (no principal) and the four principals. */
const principals: Array<Principal | undefined> = [undefined, ...permissionPeople];

const queryArb = fc.record({
  tenant: fc.constantFrom(...permissionTenants),
  principal: fc.integer({ min: 0, max: principals.length - 1 }),
  ...permissionQueryFields,
});
const corpusArb = permissionCorpusArb(queryArb, 100);

describe('retrieve() enforces document permissions (property)', () => {
  it('no hit a principal may not read; k readable hits; every readable match findable — bm25, vector (HNSW), hybrid, rerank, MMR, parents, filters', async () => {
    const embedder = createBagOfWordsEmbedder();
    let queriesRun = 0;
    await fc.assert(
      fc.asyncProperty(corpusArb, async (corpus) => {
        const store = await createSqliteStore({ path: ':memory:', vectorIndex: { annThreshold: 40, filterExactLimit: 8 } });
        try {
          const docs = await commitPermissionCorpus({ store, embedder, corpus });
          for (const [i, q] of corpus.queries.entries()) {
            if (i === corpus.queries.length / 2) await applyAclUpdates({ store, docs, corpus });
            const principal = principals[q.principal];
            const { hits } = await retrieve({
              store, tenant: q.tenant, query: q.word, mode: q.mode, topK: q.topK, embedder: q.mode === 'bm25' && !q.mmr ? undefined : embedder, mmr: q.mmr,
              ...(q.rerank ? { reranker: { model: reranker, topN: 1000 } } : {}), ...(q.parent ? { expand: 'parent' as const } : {}),
              ...(principal ? { principal } : {}), ...(q.team ? { filter: { team: q.team } } : {}),
            });
            queriesRun++;
            const scope = [...docs.values()].filter((d) => d.tenant === q.tenant && canRead(d, principal) && (!q.team || d.team === q.team));
            const inScope = new Set(scope.map((d) => d.id));
            for (const h of hits) {
              assert.equal(h.chunk.tenant, q.tenant, 'tenant');
              assert.ok(inScope.has(h.document.id) && inScope.has(h.chunk.documentId), `leak: ${q.tenant}/${h.document.id} to ${principal?.id ?? 'trusted'} (${JSON.stringify(q)})`);
            }
            const matching = scope.filter((d) => d.paragraphs.some((p) => p.split(' ').includes(q.word)));
            const leafCount = (ds: typeof scope, byWord: boolean) => ds.flatMap((d) => d.paragraphs).filter((p) => !byWord || p.split(' ').includes(q.word)).length;
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
