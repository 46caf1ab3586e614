/**
 * The store conformance suite on PGlite (WASM Postgres 18 + pgvector) reached through `pg` over the wire protocol
 * (`@electric-sql/pglite-socket`): the production code path. One PGlite per file (started from a cached snapshot);
 * each case gets an empty schema (emptied and reused after a case closes its store).
 */
import { after } from 'node:test';
import pg from 'pg';
import { runStoreConformance } from '../../testing/store-conformance.js';
import { createSchemaPool } from '../../testing/postgres/schema-pool.js';
import { startPglite } from '../../testing/postgres/start-pglite.js';
import { createPostgresStore } from './postgres-store.js';

const server = await startPglite();
after(() => server.stop());

const admin = new pg.Pool({ connectionString: server.connectionString, max: 1 });
after(() => admin.end());
runStoreConformance({
  name: 'postgres on PGlite (pg wire protocol)',
  create: createSchemaPool({ open: (schema) => createPostgresStore({ connectionString: server.connectionString, schema, maxConnections: 1 }), exec: (sql) => admin.query(sql) }),
});
