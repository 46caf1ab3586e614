/**
 * The store conformance suite on a real PostgreSQL server (Debian's 15, no pgvector): keyword-only — vector
 * assertions are skipped by the suite and the store says clearly that vectors need pgvector. Also: BM25 scores
 * identical to the SQLite backend on the same documents. Skipped with the reason when the binaries are missing.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { MetadataFilter } from '../../spec/filter.js';
import { runStoreConformance } from '../../testing/store-conformance.js';
import { makeWrite, rejectsWithCode } from '../../testing/store/fixtures.js';
import { postgresServerUnavailable, startPostgresServer } from '../../testing/postgres/start-postgres-server.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import pg from 'pg';
import { tenantLockKey } from './commit.js';
import { postgresPoolConfig } from './pool-config.js';
import { createPostgresStore } from './postgres-store.js';

const unavailable = postgresServerUnavailable();
if (unavailable) {
  describe('postgres store on a real PostgreSQL server', () => it(`skipped: ${unavailable}`, { skip: unavailable }, () => {}));
} else {
  const server = await startPostgresServer();
  after(() => server.stop());
  let n = 0;
  const create = () => createPostgresStore({ connectionString: server.connectionString, schema: `conformance_${n++}` });

  runStoreConformance({ name: `postgres on ${server.version}`, create, vectors: false });

  describe('postgres on a server without pgvector', () => {
    it('refuses vectors with VECTORS_UNAVAILABLE, storing nothing, and still searches keywords', async () => {
      const store = await create();
      try {
        await rejectsWithCode(store.commit({ tenant: 't', writes: [makeWrite({ id: 'a', paragraphs: ['otters'], vectors: [[1, 0]] })] }), 'VECTORS_UNAVAILABLE');
        await rejectsWithCode(store.searchVector({ tenant: 't', vector: Float32Array.from([1, 0]), topK: 1 }), 'VECTORS_UNAVAILABLE');
        assert.deepEqual(await store.countDocuments({ tenant: 't' }), { documents: 0, versions: 0, chunks: 0 });
        await store.commit({ tenant: 't', writes: [makeWrite({ id: 'a', paragraphs: ['otters'] })] });
        assert.equal((await store.searchKeyword({ tenant: 't', query: 'otter', topK: 1 })).length, 1);
      } finally {
        await store.close();
      }
    });

    it('refuses keyword "pg_textsearch" with DEPENDENCY_MISSING naming the way out (PostgreSQL 15 has no pg_textsearch)', async () => {
      const error = await createPostgresStore({ connectionString: server.connectionString, schema: `textsearch_${n++}`, keyword: 'pg_textsearch' }).then(
        () => assert.fail('opened'),
        (e: { code?: string; message?: string }) => e,
      );
      assert.equal(error.code, 'DEPENDENCY_MISSING');
      assert.match(error.message!, /pg_textsearch/);
      assert.match(error.message!, /store\.postgres\.keyword to "postings"/);
      await rejectsWithCode(createPostgresStore({ connectionString: server.connectionString, keyword: 'bm25' as never }), 'INVALID_CONFIG');
    });

    it('scores BM25 bit-identically to the SQLite backend (same documents, several k1/b, filters)', async () => {
      const words = ['river', 'stone', 'maple', 'cloud', 'ember', 'harbor', 'lantern', 'meadow', 'quartz', 'willow', 'the', 'running', 'runs'];
      const writes = Array.from({ length: 120 }, (_, i) =>
        makeWrite({ id: `d${String(i).padStart(3, '0')}`, paragraphs: [0, 1, 2].map((p) => Array.from({ length: 2 + ((i * 7 + p * 5) % 23) }, (_, j) => words[(i * 3 + j * (p + 2) + ((i * j) % 5)) % words.length]).join(' ')), metadata: { odd: i % 2 === 1 } }),
      );
      const pg = await create();
      const lite = await createSqliteStore({ path: ':memory:' });
      try {
        for (const s of [pg, lite]) for (let i = 0; i < writes.length; i += 40) await s.commit({ tenant: 'x', writes: writes.slice(i, i + 40) });
        await pg.deleteDocuments({ tenant: 'x', ids: ['d007', 'd050'] });
        await lite.deleteDocuments({ tenant: 'x', ids: ['d007', 'd050'] });
        let compared = 0;
        for (const query of ['river stone', 'maple cloud ember ember', 'harbor', 'running lantern meadow quartz willow', 'the stone', 'absent']) {
          for (const bm25 of [{}, { k1: 1.2, b: 0.75 }, { k1: 2, b: 1 }]) {
            for (const filter of [undefined, { odd: true }]) {
              const o = { tenant: 'x', query, topK: 500, bm25, ...(filter ? { filter } : {}) };
              const [a, b] = [await pg.searchKeyword(o), await lite.searchKeyword(o)];
              assert.deepEqual(a.map((h) => [h.document.id, h.chunk.ordinal, h.score]), b.map((h) => [h.document.id, h.chunk.ordinal, h.score]), `${query} ${JSON.stringify(bm25)} ${JSON.stringify(filter)}`);
              compared += a.length;
            }
          }
          assert.deepEqual(await pg.keywordQueryStats!({ tenant: 'x', query }), await lite.keywordQueryStats!({ tenant: 'x', query }));
        }
        assert.ok(compared > 1_000, `compared ${compared} hits`);
      } finally {
        await pg.close();
        await lite.close();
      }
    });

    it('scores identically to SQLite with access lists, array metadata and more than 64 query terms', async () => {
      // 90 distinct words (w0…w89): a query of all of them takes the ordered-aggregate form, a short one the per-term form.
      const vocab = Array.from({ length: 90 }, (_, i) => `w${i.toString(36)}x`);
      const writes = Array.from({ length: 80 }, (_, i) => ({
        ...makeWrite({ id: `d${String(i).padStart(2, '0')}`, paragraphs: [0, 1].map((p) => Array.from({ length: 3 + ((i + p * 7) % 17) }, (_, j) => vocab[(i * 5 + j * (p + 3) + ((i * j) % 7)) % vocab.length]).join(' ')), metadata: { tags: i % 3 ? ['a', `t${i % 4}`] : `t${i % 4}`, deep: { on: i % 2 === 0 } } }),
        ...(i % 5 === 0 ? { acl: { principals: ['user:ann'], groups: [] } } : i % 5 === 1 ? { acl: { principals: [], groups: ['eng'] } } : {}),
      }));
      const pg = await create();
      const lite = await createSqliteStore({ path: ':memory:' });
      try {
        for (const s of [pg, lite]) await s.commit({ tenant: 'x', writes });
        let compared = 0;
        for (const query of [vocab.join(' '), `${vocab.slice(0, 30).join(' ')} ${vocab[3]} ${vocab[3]}`, `${vocab[1]} ${vocab[8]} ${vocab[40]}`]) {
          for (const principal of [undefined, { id: 'user:ann' }, { id: 'user:bob', groups: ['eng'] }, { id: 'user:eve' }]) {
            for (const filter of [undefined, { tags: 't1' }, { tags: { in: ['t2', 't3'] } }, { 'deep.on': true }, { tags: 'a', 'deep.on': false }] as Array<MetadataFilter | undefined>) {
              const o = { tenant: 'x', query, topK: 500, ...(filter ? { filter } : {}), ...(principal ? { principal } : {}) };
              const [a, b] = [await pg.searchKeyword(o), await lite.searchKeyword(o)];
              assert.deepEqual(a.map((h) => [h.document.id, h.chunk.ordinal, h.score]), b.map((h) => [h.document.id, h.chunk.ordinal, h.score]), `${query.slice(0, 20)}… ${JSON.stringify(principal)} ${JSON.stringify(filter)}`);
              compared += a.length;
            }
          }
        }
        assert.ok(compared > 1_000, `compared ${compared} hits`);
      } finally {
        await pg.close();
        await lite.close();
      }
    });
  });

  describe('postgres bulk commit and pool safety', () => {
    it('commits a batch set-based with exactly the per-write results and rows (unchanged, updated, duplicate in write order, ACLs, parents)', async () => {
      const ids = () => {
        let n = 0;
        return (prefix = '') => `${prefix}${n++}`;
      };
      const open = (bulkCommit: boolean) => createPostgresStore({ connectionString: server.connectionString, schema: `bulk_${bulkCommit}_${n++}`, bulkCommit, _internal: { generateId: ids(), now: () => 5 } });
      const dup = (w: ReturnType<typeof makeWrite>) => ({ ...w, skipIfDuplicate: true });
      const batches = [
        [makeWrite({ id: 'a', paragraphs: ['otters swim', 'river stone'] }), dup(makeWrite({ id: 'b', paragraphs: ['otters swim', 'river stone'] })), { ...makeWrite({ id: 'c', paragraphs: ['maple cloud'], parent: true }), acl: { principals: ['user:x'], groups: ['g'] } }],
        [
          makeWrite({ id: 'a', paragraphs: ['otters swim', 'river stone'] }),
          { ...makeWrite({ id: 'c', paragraphs: ['maple ember', 'cloud'], at: 2_000 }), acl: { principals: [], groups: ['h'] } },
          dup(makeWrite({ id: 'd', paragraphs: ['maple cloud'], parent: true })), // c's old text: c moved on earlier in this batch
          dup(makeWrite({ id: 'e', paragraphs: ['maple ember', 'cloud'] })), // c's new text
          { ...makeWrite({ id: 'a2', paragraphs: ['lantern'] }), acl: { principals: ['user:y'], groups: [] } },
        ],
      ];
      const seen = [];
      for (const bulk of [true, false]) {
        const store = await open(bulk);
        try {
          const results = [];
          for (const writes of batches) results.push((await store.commit({ tenant: 't', writes })).results);
          const docs = await store.listDocuments({ tenant: 't' });
          const rows = [];
          for (const d of docs) {
            for (const v of await store.listVersions({ tenant: 't', documentId: d.id })) rows.push([v, await store.listChunks({ tenant: 't', documentId: d.id, versionId: v.id })]);
          }
          const hits = (await store.searchKeyword({ tenant: 't', query: 'otters maple cloud ember lantern', topK: 50 })).map((h) => [h.chunk.id, h.score]);
          seen.push({ results, docs, rows, hits, counts: await store.countDocuments({ tenant: 't' }) });
        } finally {
          await store.close();
        }
      }
      assert.deepEqual(seen[0]!.results.flat().map((r) => r.status), ['created', 'duplicate', 'created', 'unchanged', 'updated', 'created', 'duplicate', 'created']);
      assert.deepEqual(seen[0], seen[1]);
    });

    it('cuts off a pool connection silent inside a transaction holding the tenant writer lock, so the next writer commits', { timeout: 120_000 }, async () => {
      const schema = `idle_${n++}`;
      const writer = await createPostgresStore({ connectionString: server.connectionString, schema });
      const silent = new pg.Client(postgresPoolConfig({ connectionString: server.connectionString, idleInTransactionTimeoutMs: 1_000 }));
      try {
        await writer.commit({ tenant: 't', writes: [makeWrite({ id: 'a', paragraphs: ['otters'] })] });
        const cutOff = new Promise<Error>((resolve) => silent.on('error', resolve));
        await silent.connect();
        const show = async (name: string) => Object.values((await silent.query(`SHOW ${name}`)).rows[0] as object)[0];
        assert.equal(await show('idle_in_transaction_session_timeout'), '1s');
        assert.equal(await show('statement_timeout'), '30s');
        const [{ id }] = (await silent.query(`SELECT id FROM "${schema}".tenants WHERE name = 't'`)).rows as Array<{ id: number }>;
        await silent.query('BEGIN');
        await silent.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [tenantLockKey(schema), id]);
        // Silent from here on, lock held. Without the timeout the writer waits until its statement timeout (30 s) and fails.
        await writer.commit({ tenant: 't', writes: [makeWrite({ id: 'b', paragraphs: ['beavers'] })] });
        assert.match((await cutOff).message, /idle-in-transaction timeout/);
        assert.equal((await writer.countDocuments({ tenant: 't' })).documents, 2);
      } finally {
        await silent.end().catch(() => {});
        await writer.close();
      }
    });
  });
}
