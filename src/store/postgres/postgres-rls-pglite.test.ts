/**
 * Row-Level Security (`rls: true`) on PGlite too: PGlite runs as a superuser (who skips every policy), but it
 * supports `CREATE ROLE` and `SET ROLE`, so the store's pool connections switch to an ordinary role on connect and
 * the policies apply. The deliberately missing tenant predicate sees one tenant only, and nothing without the
 * setting; the store itself works through the policies. (The whole conformance suite with RLS runs on PG15.)
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { makeWrite } from '../../testing/store/fixtures.js';
import { startPglite } from '../../testing/postgres/start-pglite.js';
import { createPostgresStore } from './postgres-store.js';

const server = await startPglite();
after(() => server.stop());

describe('postgres row-level security on PGlite (SET ROLE to an ordinary role)', () => {
  it('a statement missing its tenant predicate sees its own tenant only, and nothing without the setting', { timeout: 180_000 }, async () => {
    const pool = new pg.Pool({ connectionString: server.connectionString, max: 1 });
    pool.on('connect', (c) => void c.query('SET ROLE fathom_app').catch(() => {}));
    await pool.query("DO $$ BEGIN CREATE ROLE fathom_app NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$; GRANT CREATE ON DATABASE postgres TO fathom_app; SET ROLE fathom_app");
    const store = await createPostgresStore({ pool, schema: 'rls_lite', rls: true });
    try {
      for (const tenant of ['alpha', 'beta']) await store.commit({ tenant, writes: [1, 2].map((i) => makeWrite({ id: `${tenant}-${i}`, paragraphs: [`${tenant} otters ${i}`] })) });
      assert.deepEqual((await store.searchKeyword({ tenant: 'beta', query: 'otters', topK: 10 })).map((h) => h.document.id).sort(), ['beta-1', 'beta-2']);
      const c = await pool.connect();
      try {
        assert.equal((await c.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u, 'fathom_app');
        const [{ id }] = (await c.query<{ id: number }>("SELECT id FROM rls_lite.tenants WHERE name = 'alpha'")).rows;
        await c.query('BEGIN');
        await c.query("SELECT set_config('fathom.tenant_id', $1, true)", [String(id)]);
        const documents = (await c.query<{ id: string }>('SELECT id FROM rls_lite.documents ORDER BY id')).rows.map((r) => r.id);
        const chunks = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM rls_lite.postings WHERE tenant_id <> $1', [id])).rows[0]!.n;
        await c.query('ROLLBACK');
        assert.deepEqual({ documents, otherTenantPostings: chunks }, { documents: ['alpha-1', 'alpha-2'], otherTenantPostings: 0 });
        await c.query('BEGIN');
        const unset = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM rls_lite.documents')).rows[0]!.n;
        await c.query('ROLLBACK');
        assert.equal(unset, 0);
      } finally {
        c.release();
      }
    } finally {
      await store.close();
      await pool.query('RESET ROLE').catch(() => {});
      await pool.end();
    }
  });
});
