/**
 * The optional `pg_textsearch` keyword mode (`keyword: 'pg_textsearch'`): each searchable chunk's index text (the
 * text the postings index: contextual header/title + body) is kept in `keyword_docs.index_text`, under one partial
 * `bm25` index per tenant (`WHERE tenant_id = n`, so document counts, lengths and idf are the tenant's own, like the
 * postings' statistics), built with the store's default k1/b and the `english` text-search configuration. Searches
 * order by the index's `<@>` operator with tenant, filter and access list in the WHERE: the executor keeps pulling
 * from the ordered index scan until LIMIT rows pass the WHERE (tested with a 1-in-20 access list). Superseded and
 * deleted chunks leave `keyword_docs` in the writing transaction, so they never match; the index's statistics may
 * still count them until VACUUM. Postings are still written: `keywordQueryStats`, per-search k1/b (the index's are
 * fixed at build time) and switching back use them.
 */
import { FathomError } from '../../util/errors.js';
import type { PgContext, Queryable } from './context.js';

/** Index name of a tenant's bm25 index. */
export const textIndexName = (tenantId: number): string => `keyword_bm25_t${tenantId}`;
const _known = new WeakMap<PgContext['sql'], Set<number>>();

/** Install (or find) the extension; a typed error naming both ways out when the server does not have it. */
export async function ensureTextSearch(ctx: PgContext, c: Queryable): Promise<void> {
  if ((await c.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_textsearch'")).rows.length) return;
  if ((await c.query("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_textsearch'")).rows.length) {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_textsearch');
    return;
  }
  const [version] = (await c.query<{ v: string }>('SELECT current_setting(\'server_version\') AS v')).rows;
  throw new FathomError({
    code: 'DEPENDENCY_MISSING',
    message: `store.postgres.keyword is "pg_textsearch" but the PostgreSQL server of ${ctx.location} (version ${version?.v ?? '?'}) has no pg_textsearch extension. Install it (PostgreSQL 17 or later; add pg_textsearch to shared_preload_libraries and restart), or set store.postgres.keyword to "postings" (the default: BM25 in plain SQL, identical to the SQLite store).`,
    details: { location: ctx.location, extension: 'pg_textsearch', serverVersion: version?.v },
  });
}

/** Whether the tenant's bm25 index exists (positive answers cached per store). */
export async function hasTextIndex(ctx: PgContext, c: Queryable, tenantId: number): Promise<boolean> {
  const known = _known.get(ctx.sql) ?? new Set<number>();
  _known.set(ctx.sql, known);
  if (known.has(tenantId)) return true;
  const found = (await ctx.query('SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2', [ctx.schema, textIndexName(tenantId)], c)).length > 0;
  if (found) known.add(tenantId);
  return found;
}

const _complete = new WeakMap<PgContext['sql'], Map<number, boolean>>();

/**
 * Whether every keyword row of the tenant carries its index text under a bm25 index — false for a tenant written
 * (even partly) in the postings mode, whose older chunks the index would silently miss: such a tenant is searched
 * over the postings (Lucene BM25, complete) until it is re-ingested in this mode. Cached per store; a commit in this
 * mode clears the tenant's entry (`ensureTextIndex`).
 */
export async function textIndexComplete(ctx: PgContext, tenantId: number): Promise<boolean> {
  const cache = _complete.get(ctx.sql) ?? new Map<number, boolean>();
  _complete.set(ctx.sql, cache);
  const cached = cache.get(tenantId);
  if (cached !== undefined) return cached;
  const complete = await ctx.tx(async (c) => (await hasTextIndex(ctx, c, tenantId))
    && (await ctx.query('SELECT 1 FROM {keyword_docs} WHERE tenant_id = $1 AND index_text IS NULL LIMIT 1', [tenantId], c)).length === 0, { readOnly: true });
  cache.set(tenantId, complete);
  return complete;
}

/** Create the tenant's bm25 index once (inside the writing transaction, under the tenant lock). */
export async function ensureTextIndex(ctx: PgContext, c: Queryable, tenantId: number): Promise<void> {
  _complete.get(ctx.sql)?.delete(tenantId);
  const known = _known.get(ctx.sql) ?? new Set<number>();
  _known.set(ctx.sql, known);
  if (known.has(tenantId) || !Number.isSafeInteger(tenantId)) return;
  const { k1, b } = ctx.bm25;
  await ctx.query(`CREATE INDEX IF NOT EXISTS ${textIndexName(tenantId)} ON {keyword_docs} USING bm25 (index_text) WITH (text_config = 'english', k1 = ${Number(k1)}, b = ${Number(b)}) WHERE tenant_id = ${tenantId}`, [], c);
  known.add(tenantId);
}
