/**
 * pgvector HNSW on PGlite through `pg`: below `hnswThreshold` a tenant is searched exactly (no index); once over it,
 * commit builds the tenant's partial HNSW index, the search statement the store sends is planned on that index
 * (EXPLAIN of the captured statement, sequential scans disabled: at this size a seq scan is cheaper), and a
 * selective ACL still yields k hits (iterative scan, not starved by ef_search = 40 candidates, all unreadable). Recall against exact search is measured in `bench/postgres.ts`.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { makeWrite } from '../../testing/store/fixtures.js';
import { startPglite } from '../../testing/postgres/start-pglite.js';
import { createPostgresStore } from './postgres-store.js';

const server = await startPglite();
after(() => server.stop());

describe('postgres HNSW index above a size threshold (PGlite, pgvector 0.8)', () => {
  it('searches exactly below the threshold, on the index above it, and a selective ACL still returns k hits', async () => {
    const pool = new pg.Pool({ connectionString: server.connectionString, max: 1, idleTimeoutMillis: 0 });
    const sent: Array<{ text: string; values: unknown[] }> = [];
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
        if (typeof a[0] === 'string') sent.push({ text: a[0], values: (a[1] as unknown[]) ?? [] });
        return query(...a);
      };
    });
    const store = await createPostgresStore({ pool, schema: 'hnsw_case', hnswThreshold: 50 });
    try {
      const indexes = async () => (await pool.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'hnsw_case' AND indexname LIKE 'vectors_hnsw%'")).rows.length;
      // 100 documents readable by bob near the query direction, then 3 for alice far from it.
      const angle = (i: number, base: number) => [Math.cos(base + i * 0.001), Math.sin(base + i * 0.001), 0, 0];
      const bob = Array.from({ length: 100 }, (_, i) => ({ ...makeWrite({ id: `b${i}`, paragraphs: [`bob text ${i}`], vectors: [angle(i, 0)] }), acl: { principals: ['user:bob'], groups: [] } }));
      await store.commit({ tenant: 't', writes: bob.slice(0, 40) });
      assert.equal(await indexes(), 0, 'below the threshold: exact search, no index');
      await store.commit({ tenant: 't', writes: bob.slice(40) });
      const alice = [0, 1, 2].map((i) => ({ ...makeWrite({ id: `a${i}`, paragraphs: [`alice text ${i}`], vectors: [angle(i, 1.2)] }), acl: { principals: ['user:alice'], groups: [] } }));
      await store.commit({ tenant: 't', writes: alice });
      assert.equal(await indexes(), 1);

      // At 103 rows the planner rightly prefers a sequential scan; forbid it on this (only) connection so the
      // store's own search runs on the index and the ACL case exercises the iterative scan.
      await pool.query('SET enable_seqscan = off');
      sent.length = 0;
      const vector = Float32Array.from([1, 0, 0, 0]);
      const hits = await store.searchVector({ tenant: 't', vector, topK: 3, principal: { id: 'user:alice' } });
      assert.deepEqual(hits.map((h) => h.document.id).sort(), ['a0', 'a1', 'a2']);
      assert.ok(sent.some((s) => /hnsw\.iterative_scan = relaxed_order/.test(s.text)));

      // The statement the store sent, planned on the server: it uses the tenant's HNSW index.
      const search = sent.find((s) => /ORDER BY x\.embedding/.test(s.text))!;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
        const plan = (await client.query(`EXPLAIN ${search.text}`, search.values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        assert.match(plan, /Index Scan using vectors_hnsw_t\d+_d4/, plan);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      // Unfiltered: the 3 nearest of bob's.
      const near = await store.searchVector({ tenant: 't', vector, topK: 3 });
      assert.deepEqual(near.map((h) => h.document.id), ['b0', 'b1', 'b2']);
    } finally {
      await store.close();
      await pool.end();
    }
  });
});
