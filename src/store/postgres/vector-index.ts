/**
 * Approximate vector search with pgvector HNSW, per tenant. Design: one *partial* HNSW index per tenant (and
 * dimension count), `WHERE tenant_id = <id>` on the cast `embedding::vector(n)` (`halfvec(n)` above 2000
 * dimensions, pgvector's limit for `vector` indexes), built once the tenant holds `hnswThreshold` vectors; below
 * that, search stays exact. Why not tenant-leading: an HNSW index cannot lead with a btree column, and one global
 * graph filtered by tenant walks other tenants' neighbours (starving small tenants, costing big ones). Why not
 * declarative partitions: a partial index gives each tenant its own graph without partition DDL per tenant, and
 * small tenants (most of them) pay nothing. Searches on an indexed tenant run with
 * `SET LOCAL hnsw.iterative_scan = relaxed_order` (pgvector ≥ 0.8), so filters and ACLs in the WHERE make the scan
 * continue instead of returning fewer than k hits.
 */
import type { PgContext, Queryable } from './context.js';

/** The SQL type the index and the search cast to: `vector(n)`, or `halfvec(n)` above 2000 dimensions. */
export const indexedType = (dims: number): string => (dims > 2000 ? `halfvec(${dims})` : `vector(${dims})`);

const _name = (tenantId: number, dims: number) => `vectors_hnsw_t${tenantId}_d${dims}`;
const _known = new WeakMap<PgContext['sql'], Set<string>>(); // keyed by `sql`: shared by a store's per-call contexts

/** Whether the tenant's HNSW index exists (positive answers cached per store). */
export async function hasVectorIndex(ctx: PgContext, c: Queryable, tenantId: number, dims: number): Promise<boolean> {
  const known = _known.get(ctx.sql) ?? new Set<string>();
  _known.set(ctx.sql, known);
  const name = _name(tenantId, dims);
  if (known.has(name)) return true;
  const rows = await ctx.query('SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', [ctx.schema, name], c);
  if (rows.length) known.add(name);
  return rows.length > 0;
}

/**
 * Build the tenant's HNSW index once it holds `ctx.hnswThreshold` vectors (inside the caller's transaction, under
 * the tenant lock; the build blocks other writers of the vectors table until the commit ends — a one-off per tenant).
 */
export async function ensureVectorIndex(ctx: PgContext, c: Queryable, tenantId: number, dims: number): Promise<void> {
  if (!Number.isSafeInteger(tenantId) || !Number.isSafeInteger(dims) || (await hasVectorIndex(ctx, c, tenantId, dims))) return;
  const [n] = await ctx.query<{ n: number }>('SELECT count(*)::int AS n FROM {vectors} WHERE tenant_id = $1', [tenantId], c);
  if (n!.n < ctx.hnswThreshold) return;
  const ops = dims > 2000 ? 'halfvec_cosine_ops' : 'vector_cosine_ops';
  await ctx.query(`CREATE INDEX IF NOT EXISTS ${_name(tenantId, dims)} ON {vectors} USING hnsw ((embedding::${indexedType(dims)}) ${ops}) WHERE tenant_id = ${tenantId}`, [], c);
  await ctx.query('ANALYZE {vectors}', [], c);
}
