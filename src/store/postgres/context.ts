/** Shared state of one Postgres store: the pool, the schema-qualified SQL, transactions with retries, tenant ids. */
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { Internal } from '../../util/clock.js';
import { retryableStates, toStoreError } from './to-store-error.js';

/** Something that runs a query: the pool (autocommit) or a client inside a transaction. */
export interface Queryable {
  query<R extends QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface PgContext {
  pool: Pool;
  /** The schema name (unquoted). */
  schema: string;
  location: string;
  internal: Internal;
  bm25: { k1: number; b: number };
  /** Whether pgvector is installed in the database (false: keyword-only). */
  vectors: boolean;
  /** Vectors per tenant from which searches use an HNSW index (exact below). */
  hnswThreshold: number;
  /** Set-based commit of batches with distinct ids (false: the per-write path, for A/B measurement). @default true */
  bulkCommit?: boolean;
  /** Keyword search over the postings tables (default) or the tenant's pg_textsearch bm25 index (text-index.ts). */
  keyword?: 'postings' | 'pg_textsearch';
  /** Whether the schema's tables force row-level security (statements then need `fathom.tenant_id`; see rls.ts). */
  rls: boolean;
  /** Replace `{table}` with the schema-qualified, quoted table name. */
  sql: (text: string) => string;
  /** Run one statement (autocommit), errors mapped. */
  query: <R extends QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[], on?: Queryable) => Promise<R[]>;
  /** Run `fn` in one transaction, retried on serialization failures and deadlocks; `setup` runs right after BEGIN. */
  tx: <T>(fn: (client: Queryable) => Promise<T>, options?: { readOnly?: boolean; setup?: string }) => Promise<T>;
  /** The tenant's row id; `undefined` when never written (reads), created (committed at once) when `create`. */
  tenantId: (name: string, create?: boolean) => Promise<number | undefined>;
}

/** Quote an identifier for SQL. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function createPgContext(options: { pool: Pool; schema: string; location: string; internal: Internal; bm25: { k1: number; b: number }; maxRetries?: number; hnswThreshold?: number; bulkCommit?: boolean; keyword?: 'postings' | 'pg_textsearch' }): PgContext {
  const { pool, schema, location, maxRetries = 8 } = options;
  const prefix = `${quoteIdent(schema)}.`;
  const cache = new Map<string, string>();
  const sql = (text: string) => {
    let out = cache.get(text);
    if (out === undefined) cache.set(text, (out = text.replace(/\{([a-z_]+)\}/g, (_, t: string) => prefix + quoteIdent(t))));
    return out;
  };
  const query = async <R extends QueryResultRow>(text: string, params: unknown[] = [], on: Queryable = pool as unknown as Queryable) => {
    try {
      return (await on.query<R>(sql(text), params)).rows;
    } catch (error) {
      throw toStoreError(error, location);
    }
  };
  const tx = async <T>(fn: (client: Queryable) => Promise<T>, o: { readOnly?: boolean; setup?: string } = {}): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toStoreError(error, location);
      }
      let broken: Error | undefined;
      try {
        const begin = o.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN';
        await client.query(o.setup ? `${begin}; ${o.setup}` : begin); // one round trip
        const result = await fn(client as unknown as Queryable);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        const state = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? '';
        if (retryableStates.has(state) && attempt < maxRetries) {
          await new Promise((r) => setTimeout(r, Math.min(1_000, 10 * 2 ** attempt) * (0.5 + Math.random())));
          continue;
        }
        throw toStoreError(error, location);
      } finally {
        client.release(broken);
      }
    }
  };
  const tenants = new Map<string, number>();
  const tenantId = async (name: string, create = false) => {
    const known = tenants.get(name);
    if (known !== undefined) return known;
    if (create) await query('INSERT INTO {tenants} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
    const rows = await query<{ id: number }>('SELECT id FROM {tenants} WHERE name = $1', [name]);
    if (rows[0]) tenants.set(name, rows[0].id);
    return rows[0]?.id;
  };
  return { ...options, hnswThreshold: options.hnswThreshold ?? 10_000, vectors: false, rls: false, sql, query, tx, tenantId };
}
