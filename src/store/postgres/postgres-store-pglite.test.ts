/**
 * The store conformance suite on PGlite (WASM Postgres 18 + pgvector) reached through `pg` over the wire protocol
 * (`@electric-sql/pglite-socket`): the production code path. One PGlite per file (started from a cached snapshot);
 * each case gets its own schema.
 */
import { after } from 'node:test';
import { runStoreConformance } from '../../testing/store-conformance.js';
import { startPglite } from '../../testing/postgres/start-pglite.js';
import { createPostgresStore } from './postgres-store.js';

const server = await startPglite();
after(() => server.stop());

let n = 0;
runStoreConformance({
  name: 'postgres on PGlite (pg wire protocol)',
  create: () => createPostgresStore({ connectionString: server.connectionString, schema: `conformance_${n++}`, maxConnections: 1 }),
});
