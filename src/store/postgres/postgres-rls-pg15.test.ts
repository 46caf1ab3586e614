/**
 * Row-Level Security (`rls: true`) on a real PostgreSQL 15 server, as an ordinary role (`fathom_app`: superusers
 * skip every policy): the whole keyword-only conformance suite, statements with the tenant predicate deliberately
 * missing that see one tenant only (and nothing without the setting), writes into another tenant refused, the
 * option refused for a superuser, and a later store opened without the option still working on the protected
 * schema. Skipped with the reason when the binaries are missing.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { runStoreConformance } from '../../testing/store-conformance.js';
import { createSchemaPool } from '../../testing/postgres/schema-pool.js';
import { makeWrite, rejectsWithCode } from '../../testing/store/fixtures.js';
import { postgresServerUnavailable, startPostgresServer } from '../../testing/postgres/start-postgres-server.js';
import { createPostgresStore } from './postgres-store.js';

const unavailable = postgresServerUnavailable();
if (unavailable) {
  describe('postgres row-level security on a real PostgreSQL server', () => it(`skipped: ${unavailable}`, { skip: unavailable }, () => {}));
} else {
  const server = await startPostgresServer();
  after(() => server.stop());
  const admin = new pg.Pool({ connectionString: server.connectionString, max: 2 });
  after(() => admin.end());
  await admin.query('CREATE ROLE fathom_app LOGIN NOSUPERUSER NOBYPASSRLS');
  await admin.query('GRANT CREATE ON DATABASE postgres TO fathom_app');
  const appUrl = server.connectionString.replace('postgres://postgres@', 'postgres://fathom_app@');
  // Emptied schemas are reused (by the superuser, past the policies): a migration with RLS per case costs seconds here.
  const create = createSchemaPool({ open: (schema) => createPostgresStore({ connectionString: appUrl, schema, rls: true, maxConnections: 2 }), exec: (sql) => admin.query(sql), prefix: 'rls' });

  runStoreConformance({ name: `postgres with row-level security on ${server.version}`, create, vectors: false });

  describe('postgres row-level security', () => {
    const schema = 'rls_probe';
    const seeded = (async () => {
      const store = await createPostgresStore({ connectionString: appUrl, schema, rls: true });
      for (const tenant of ['alpha', 'beta']) {
        await store.commit({ tenant, writes: [1, 2, 3].map((i) => makeWrite({ id: `${tenant}-${i}`, paragraphs: [`${tenant} otters ${i}`] })) });
        await store.setMeta({ tenant, key: 'k', value: tenant });
      }
      await store.close();
      const ids = new Map((await admin.query<{ name: string; id: number }>(`SELECT name, id FROM ${schema}.tenants`)).rows.map((r) => [r.name, r.id]));
      return { alpha: ids.get('alpha')!, beta: ids.get('beta')! };
    })();
    /** Run `fn` as the application role in one transaction with `fathom.tenant_id` set as the store sets it (or unset). */
    const asApp = async <T>(tenantId: number | undefined, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
      const pool = new pg.Pool({ connectionString: appUrl, max: 1 });
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        if (tenantId !== undefined) await c.query("SELECT set_config('fathom.tenant_id', $1, true)", [String(tenantId)]);
        return await fn(c);
      } finally {
        await c.query('ROLLBACK');
        c.release();
        await pool.end();
      }
    };

    it('a statement missing its tenant predicate returns nothing of another tenant', async () => {
      const { alpha } = await seeded;
      const rows = await asApp(alpha, async (c) => ({
        documents: (await c.query<{ id: string }>(`SELECT id FROM ${schema}.documents ORDER BY id`)).rows.map((r) => r.id),
        chunks: (await c.query<{ text: string }>(`SELECT text FROM ${schema}.chunks ORDER BY text`)).rows.map((r) => r.text),
        postingTenants: (await c.query<{ tenant_id: number }>(`SELECT DISTINCT tenant_id FROM ${schema}.postings`)).rows.map((r) => r.tenant_id),
        meta: (await c.query<{ value: string }>(`SELECT value FROM ${schema}.meta`)).rows.map((r) => r.value),
      }));
      assert.deepEqual(rows, { documents: ['alpha-1', 'alpha-2', 'alpha-3'], chunks: ['alpha otters 1', 'alpha otters 2', 'alpha otters 3'], postingTenants: [alpha], meta: ['alpha'] });
      const all = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.documents`);
      assert.equal(all.rows[0]!.n, 6, 'the other tenant is there (the superuser sees it)');
    });

    it('without the setting a statement sees no tenant rows at all', async () => {
      await seeded;
      const counts = await asApp(undefined, async (c) => {
        const out: number[] = [];
        for (const t of ['documents', 'versions', 'chunks', 'postings', 'keyword_docs', 'keyword_stats', 'meta']) out.push((await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.${t}`)).rows[0]!.n);
        return out;
      });
      assert.deepEqual(counts, [0, 0, 0, 0, 0, 0, 0]);
    });

    it("refuses a write into another tenant's rows", async () => {
      const { alpha, beta } = await seeded;
      await assert.rejects(
        asApp(alpha, (c) => c.query(`INSERT INTO ${schema}.meta (tenant_id, key, value) VALUES ($1, 'x', 'y')`, [beta])),
        /row-level security/,
      );
      const updated = await asApp(alpha, (c) => c.query(`UPDATE ${schema}.meta SET value = 'overwritten'`));
      assert.equal(updated.rowCount, 1, 'an UPDATE without a tenant predicate touches its own tenant only');
    });

    it('is refused for a superuser (policies would not apply) with INVALID_CONFIG', async () => {
      await rejectsWithCode(createPostgresStore({ connectionString: server.connectionString, schema: 'rls_super', rls: true }), 'INVALID_CONFIG');
    });

    it('stays on for a store opened later without the option', async () => {
      await seeded;
      const store = await createPostgresStore({ connectionString: appUrl, schema });
      try {
        assert.deepEqual(await store.countDocuments({ tenant: 'beta' }), { documents: 3, versions: 3, chunks: 3 });
        assert.deepEqual((await store.searchKeyword({ tenant: 'beta', query: 'otters', topK: 10 })).map((h) => h.document.id).sort(), ['beta-1', 'beta-2', 'beta-3']);
        assert.deepEqual(await store.listMetaKeys!({ tenant: 'beta' }), ['k']);
      } finally {
        await store.close();
      }
    });
  });
}
