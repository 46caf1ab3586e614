/**
 * The PostgreSQL store: the same Store contract as the embedded SQLite store, over the ordinary `pg` driver, for
 * teams that outgrow one machine (several server replicas, parallel ingest workers, a managed database). One
 * schema per store; pgvector for vectors when installed (keyword-only otherwise); BM25 computed in SQL over
 * postings tables with the SQLite backend's exact scores.
 */
import type { Pool } from 'pg';
import type { Store } from '../../spec/store.js';
import { bindStore, type OwnStoreCalls, type StoreGuard } from '../bind-store.js';
import type { Internal } from '../../util/clock.js';
import { FathomError } from '../../util/errors.js';
import { generateId } from '../../util/ids.js';
import { validateTenant } from '../../util/validate-tenant.js';
import { commitWrites } from './commit.js';
import { createPgContext, quoteIdent, type PgContext } from './context.js';
import { deleteDocuments, erasureNote, setDocumentAcl } from './delete-documents.js';
import { loadPg } from './load-pg.js';
import * as logs from './logs.js';
import { migrate } from './migrations.js';
import { postgresPoolConfig } from './pool-config.js';
import * as reads from './reads.js';
import { keywordQueryStats, searchKeyword, searchVector } from './search.js';
import { tenantScoped } from './rls.js';
import { toStoreError } from './to-store-error.js';

/** Options of {@link createPostgresStore}: a `connectionString` (the store owns its pool) or your own `pool`. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (libpq-style parameters such as `sslmode` are honoured by `pg`). */
  connectionString?: string;
  /** An existing `pg.Pool` (the store does not end it on close). */
  pool?: Pool;
  /** The schema holding the store's tables (created when missing). @default 'fathom' */
  schema?: string;
  /** Pool size when the store creates the pool. @default 10 */
  maxConnections?: number;
  /** Server-side statement timeout in ms for the store's own pool (0: none). @default 30000 */
  statementTimeoutMs?: number;
  /**
   * Server-side `idle_in_transaction_session_timeout` in ms for the store's own pool (0: none): a connection idle
   * inside an open transaction that long (a wedged or paused process holding the tenant's writer lock) is cut off by
   * the server and its locks released. With your own `pool`, set it in the pool's config. @default 60000
   */
  idleInTransactionTimeoutMs?: number;
  /** Default BM25 parameters (overridable per search). @default { k1: 0.9, b: 0.4 } */
  bm25?: { k1?: number; b?: number };
  /** Vectors per tenant from which vector search uses a per-tenant pgvector HNSW index (exact below). @default 10000 */
  hnswThreshold?: number;
  /**
   * Row-Level Security as defence in depth: policies on every tenant-scoped table keyed on the transaction-local
   * setting `fathom.tenant_id`, forced for the table owner, set by the store in each transaction. Needs a role that
   * is neither superuser nor BYPASSRLS (refused otherwise). Once enabled, the schema stays protected. @default false
   */
  rls?: boolean;
  /**
   * Commit a batch of distinct document ids set-based (a fixed number of multi-row statements per batch) rather
   * than with several round trips per document. Same results; false only to measure the difference. @default true
   */
  bulkCommit?: boolean;
  /**
   * Keyword search: `postings` computes Lucene BM25 in plain SQL over postings tables (any PostgreSQL; scores
   * identical to the SQLite store); `pg_textsearch` ranks with that extension's per-tenant `bm25` index (its own
   * analyzer and scores; DEPENDENCY_MISSING when the server lacks the extension). @default 'postings'
   */
  keyword?: 'postings' | 'pg_textsearch';
  /** Injectable clock and id generator, for tests. */
  _internal?: Partial<Internal>;
}

const SCHEMA = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Describe a connection string without its password (for messages and `store.location`). */
export function describeConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparsable connection string)';
  }
}

/** Connect (creating or migrating the schema) and return the store. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { connectionString, pool: given, schema = 'fathom', maxConnections = 10, statementTimeoutMs = 30_000, idleInTransactionTimeoutMs = 60_000, bm25 = {}, hnswThreshold, rls = false, bulkCommit = true, keyword = 'postings', _internal = {} } = options;
  if (!given && (typeof connectionString !== 'string' || connectionString.length === 0)) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: 'The PostgreSQL store needs a `connectionString` (postgres://user:password@host:5432/database) or a `pool`.' });
  }
  if (keyword !== 'postings' && keyword !== 'pg_textsearch') {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `Invalid store.postgres.keyword ${JSON.stringify(keyword)}: use "postings" (default) or "pg_textsearch".` });
  }
  if (!SCHEMA.test(schema)) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `Invalid PostgreSQL schema name ${JSON.stringify(schema)}: use letters, digits and _ (at most 63, not starting with a digit).` });
  }
  const location = `${given ? 'postgres (pool)' : describeConnection(connectionString!)}#${schema}`;
  const pool = given ?? new (await loadPg()).Pool(postgresPoolConfig({ connectionString: connectionString!, maxConnections, statementTimeoutMs, idleInTransactionTimeoutMs }));
  if (!given) pool.on('error', () => {}); // an idle client lost: the next checkout reconnects (queries still report their own errors)
  const ctx = createPgContext({ pool, schema, location, internal: { now: _internal.now ?? Date.now, generateId: _internal.generateId ?? generateId }, bm25: { k1: bm25.k1 ?? 0.9, b: bm25.b ?? 0.4 }, ...(hnswThreshold === undefined ? {} : { hnswThreshold }), bulkCommit, keyword });
  try {
    Object.assign(ctx, await migrate(ctx, { rls, keyword }));
  } catch (error) {
    if (!given) await pool.end().catch(() => {});
    throw toStoreError(error, location);
  }
  let closed = false;
  // Each call gets its own context under RLS (it sets the tenant of the call in every transaction).
  const scoped = (): PgContext => (ctx.rls ? tenantScoped(ctx) : ctx);
  const guard: StoreGuard<PgContext> = async (tenant, fn) => {
    if (closed) throw new FathomError({ code: 'STORE_FAILED', message: `The PostgreSQL store ${location} is closed.` });
    if (tenant !== null) validateTenant(tenant);
    try {
      return await fn(scoped());
    } catch (error) {
      throw toStoreError(error, location);
    }
  };
  const own: OwnStoreCalls = {
    commit: ({ tenant, writes }) => guard(tenant, (s) => commitWrites(s, tenant, writes)),
    deleteDocuments: ({ tenant, ids }) => guard(tenant, (s) => deleteDocuments(s, tenant, ids)),
    purgeQueryLog: (o) => guard(o.tenant, async (s) => ({ ...(await logs.purgeQueryLog(s, o)), erasure: erasureNote })),
    searchKeyword: (o) => guard(o.tenant, (s) => searchKeyword(s, o)),
    searchVector: (o) => guard(o.tenant, (s) => searchVector(s, o)),
    keywordQueryStats: (o) => guard(o.tenant, (s) => keywordQueryStats(s, o)),
    listTenants: () => guard(null, async () => (await ctx.query<{ name: string }>('SELECT name FROM {tenants} ORDER BY name')).map((r) => r.name)),
    compact: () =>
      guard(null, async () => {
        const tables = await ctx.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1', [schema]);
        for (const { name } of tables) await ctx.query(`VACUUM (ANALYZE) ${quoteIdent(schema)}.${quoteIdent(name)}`);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      if (!given) await pool.end().catch(() => {});
    },
  };
  return bindStore({ provider: 'postgres', location, context: scoped, guard, ops: { ...reads, ...logs, setDocumentAcl }, own });
}
