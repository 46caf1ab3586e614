/**
 * `searchKeyword` and `searchVector` in SQL. Keyword: Lucene BM25 over the postings tables with the SQLite
 * backend's exact arithmetic — the term weights idf·(k1+1)·(query repeats) are computed here from the document
 * frequencies read in the same snapshot (so `ln` is the same function), and the server evaluates
 * w·tf / (tf + k1·(1 − b + b·dl/avgdl)) in float8 and sums it in query-term order (`sum(… ORDER BY ord)`): the same
 * IEEE operations in the same order, hence bit-identical scores. Filters and access lists are in the WHERE of the
 * scoring statement itself; the tenant, current version and access predicate are checked again on hydration.
 */
import type { Principal } from '../../spec/access.js';
import type { Hit, StageName } from '../../spec/hit.js';
import type { KeywordQueryStats, KeywordSearchOptions, VectorSearchOptions } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { maxKeywordScore, queryWeights } from '../sqlite/keyword-index.js';
import { vectorsUnavailable } from './commit.js';
import { quoteIdent, type PgContext, type Queryable } from './context.js';
import { textIndexComplete, textIndexName } from './text-index.js';
import { chunkColumns, chunkJoins, toChunk } from './rows.js';
import { accessSql, createParams, filterSql, scopeSql, type Params } from './scope-sql.js';
import { hasVectorIndex, indexedType } from './vector-index.js';

type Row = Record<string, unknown>;

/** Collection statistics and document frequencies of `terms` (one snapshot when `c` is a read-only transaction). */
async function _termStats(ctx: PgContext, c: Queryable, tenantId: number, terms: string[]): Promise<{ chunks: number; totalLength: number; dfs: Map<string, number> }> {
  const [stats] = await ctx.query<{ chunks: number; total: number }>('SELECT chunks::float8 AS chunks, total_length::float8 AS total FROM {keyword_stats} WHERE tenant_id = $1', [tenantId], c);
  const rows = terms.length
    ? await ctx.query<{ term: string; df: number }>('SELECT term, count(*)::float8 AS df FROM {postings} WHERE tenant_id = $1 AND term = ANY($2::text[]) GROUP BY term', [tenantId, terms], c)
    : [];
  return { chunks: stats?.chunks ?? 0, totalLength: stats?.total ?? 0, dfs: new Map(rows.map((r) => [r.term, r.df])) };
}

export async function searchKeyword(ctx: PgContext, o: KeywordSearchOptions): Promise<Hit[]> {
  const { tenant, query, topK: k, filter, principal, bm25 = {} } = o;
  const p = createParams();
  if (filter !== undefined || principal !== undefined) scopeSql(createParams(), { filter, principal }); // validates first
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined || !(k > 0)) return [];
  const k1 = bm25.k1 ?? ctx.bm25.k1;
  const b = bm25.b ?? ctx.bm25.b;
  if (ctx.keyword === 'pg_textsearch' && k1 === ctx.bm25.k1 && b === ctx.bm25.b && (await textIndexComplete(ctx, tenantId))) return _searchTextIndex(ctx, { ...o, tenantId });
  const weights = queryWeights(query);
  return ctx.tx(async (c) => {
    const stats = await _termStats(ctx, c, tenantId, [...weights.keys()]);
    const terms: string[] = [];
    const w: number[] = [];
    for (const [term, weight] of weights) {
      const df = stats.dfs.get(term);
      if (!df) continue;
      terms.push(term);
      w.push(weight * Math.log(1 + (stats.chunks - df + 0.5) / (df + 0.5)) * (k1 + 1));
    }
    if (terms.length === 0) return [];
    const avg = (stats.chunks ? stats.totalLength / stats.chunks : 0) || 1;
    const t = p.add(tenantId);
    const [K1, B, AVG] = [p.add(k1), p.add(b), p.add(avg)];
    const filterPart = filterSql(p, filter);
    const allowed = `${filterPart === 'true' ? '' : `AND p.document_row IN (SELECT d.row FROM {documents} d WHERE d.tenant_id = ${t} AND ${filterPart})`}
      ${principal === undefined ? '' : `AND (${accessSql(p, principal, 'p.document_row', t)})`}`;
    const ranked = `SELECT s.chunk_row, ${_sumInQueryOrder(p, terms, w)} AS score FROM (
        SELECT p.chunk_row, p.term, p.tf, p.tf + ${K1}::float8 * (1 - ${B}::float8 + (${B}::float8 * p.dl) / ${AVG}::float8) AS den
        FROM {postings} p WHERE p.tenant_id = ${t} AND p.term = ANY(${p.add(terms)}::text[]) ${allowed}) s
      GROUP BY s.chunk_row ORDER BY score DESC, s.chunk_row LIMIT ${p.add(k)}`;
    return _hydrate(ctx, c, p, tenant, t, 'bm25', ranked, principal);
  }, { readOnly: true, setup: noJit });
}

/**
 * Σ over the query terms, in query order, of w·tf / den — the SQLite backend's additions in its order, so the float8
 * result is bit-identical. One filtered aggregate per term (a hash aggregate; 0 + x is exact for an absent term);
 * above 64 terms an ordered aggregate (`sum(… ORDER BY position)`, a sort per chunk) keeps the expression small.
 */
function _sumInQueryOrder(p: Params, terms: string[], w: number[]): string {
  if (terms.length > 64) {
    const [T, W] = [p.add(terms), p.add(w)];
    return `sum((${W}::float8[])[array_position(${T}::text[], s.term::text)] * s.tf / s.den ORDER BY array_position(${T}::text[], s.term::text))`;
  }
  return terms.map((term, i) => `coalesce(max((${p.add(w[i])}::float8 * s.tf) / s.den) FILTER (WHERE s.term = ${p.add(term)}::text), 0)`).join(' + ');
}

/**
 * The pg_textsearch mode (text-index.ts): the tenant's bm25 index orders, the WHERE holds tenant, filter and access
 * list (the executor pulls from the ordered index scan until k rows pass); scores are the index's BM25 (`<@>` is its
 * negation). Only for tenants whose every chunk was written in this mode (`textIndexComplete`): others are searched
 * over the postings.
 */
async function _searchTextIndex(ctx: PgContext, o: KeywordSearchOptions & { tenantId: number }): Promise<Hit[]> {
  const { tenant, tenantId, query, topK: k, filter, principal } = o;
  return ctx.tx(async (c) => {
    const index = textIndexName(tenantId);
    const p = createParams();
    const t = p.add(tenantId);
    const q = `to_bm25query(${p.add(query)}::text, ${p.add(`${quoteIdent(ctx.schema)}.${index}`)}::text)`;
    const filterPart = filterSql(p, filter);
    const ranked = `SELECT k.chunk_row, (-(k.index_text <@> ${q}))::float8 AS score FROM {keyword_docs} k
      WHERE k.tenant_id = ${tenantId} ${filterPart === 'true' ? '' : `AND k.document_row IN (SELECT d.row FROM {documents} d WHERE d.tenant_id = ${t} AND ${filterPart})`}
        ${principal === undefined ? '' : `AND (${accessSql(p, principal, 'k.document_row', t)})`}
      ORDER BY k.index_text <@> ${q} LIMIT ${p.add(k)}`;
    return (await _hydrate(ctx, c, p, tenant, t, 'bm25', ranked, principal)).filter((h) => h.score > 0);
  }, { readOnly: true, setup: noJit });
}

/** Search statements are short: JIT compilation (triggered by large cost estimates) costs more than it saves. */
const noJit = 'SET LOCAL jit = off';

export async function keywordQueryStats(ctx: PgContext, o: { tenant: string; query: string; bm25?: { k1?: number } }): Promise<KeywordQueryStats> {
  const weights = queryWeights(o.query);
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return { terms: [...weights.keys()], maxScore: 0 };
  const stats = await ctx.tx((c) => _termStats(ctx, c, tenantId, [...weights.keys()]), { readOnly: true });
  return { terms: [...weights.keys()], maxScore: maxKeywordScore(weights, stats.dfs, stats.chunks, o.bm25?.k1 ?? ctx.bm25.k1) };
}

/** Cosine search with pgvector (`<=>`): exact, or the tenant's HNSW index above the threshold; filters and the access list in the WHERE. */
export async function searchVector(ctx: PgContext, o: VectorSearchOptions): Promise<Hit[]> {
  const { tenant, vector, topK: k, filter, principal, includeVectors = false } = o;
  const p = createParams();
  const scope = filter !== undefined || principal !== undefined ? scopeSql(p, { filter, principal }) : undefined;
  if (!ctx.vectors) throw vectorsUnavailable(ctx, 'a vector search was asked for');
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined || !(k > 0)) return [];
  return ctx.tx(async (c) => {
    const [stored] = await ctx.query<{ dims: number }>('SELECT dims FROM {vectors} WHERE tenant_id = $1 LIMIT 1', [tenantId], c);
    if (!stored) return [];
    if (stored.dims !== vector.length) {
      throw new FathomError({
        code: 'EMBEDDING_MISMATCH',
        message: `The query vector has ${vector.length} dimensions but tenant '${tenant}' stores ${stored.dims}-dimensional vectors. Embed the query with the model the tenant was ingested with.`,
        details: { tenant, expected: stored.dims, actual: vector.length },
      });
    }
    const t = p.add(tenantId);
    const q = p.add(`[${Array.from(vector).join(',')}]`);
    const allowed = scope ? `AND x.document_row IN (SELECT d.row FROM {documents} d WHERE d.tenant_id = ${t} AND ${scope})` : '';
    const vectorOut = includeVectors ? ', x.embedding::text AS embedding' : '';
    const limit = p.add(k);
    let ranked = `SELECT x.chunk_row, (1 - (x.embedding <=> ${q}::vector))::float8 AS score${vectorOut}
      FROM {vectors} x WHERE x.tenant_id = ${t} ${allowed} ORDER BY x.embedding <=> ${q}::vector, x.chunk_row LIMIT ${limit}`;
    if (await hasVectorIndex(ctx, c, tenantId, stored.dims)) {
      // The tenant's partial HNSW index: same cast as the index expression, no tie-break column (it would defeat the index).
      const cast = `::${indexedType(stored.dims)}`;
      await c.query('SET LOCAL hnsw.iterative_scan = relaxed_order');
      await c.query(`SET LOCAL hnsw.ef_search = ${Math.min(1000, Math.max(40, Math.ceil(k)))}`);
      // The filter as a per-row subplan on the index scan (a semi join would pull it away from the ordered scan).
      const readable = scope ? `AND coalesce((SELECT true FROM {documents} d WHERE d.row = x.document_row AND d.tenant_id = ${t} AND ${scope}), false)` : '';
      ranked = `SELECT x.chunk_row, (1 - (x.embedding${cast} <=> ${q}${cast}))::float8 AS score${vectorOut}
        FROM {vectors} x WHERE x.tenant_id = ${t} ${readable} ORDER BY x.embedding${cast} <=> ${q}${cast} LIMIT ${limit}`;
    }
    return _hydrate(ctx, c, p, tenant, t, 'vector', ranked, principal, includeVectors);
  }, { readOnly: true });
}

/** Rank and hydrate in one statement; only the tenant's own current chunks the principal may read survive. */
async function _hydrate(ctx: PgContext, c: Queryable, p: Params, tenant: string, t: string, stage: StageName, ranked: string, principal: Principal | undefined, withVectors = false): Promise<Hit[]> {
  const access = accessSql(p, principal);
  const rows = await ctx.query<Row>(
    `WITH s AS (${ranked}) SELECT s.score${withVectors ? ', s.embedding' : ''}, ${chunkColumns} FROM s JOIN ${chunkJoins.replace('{chunks} c', '{chunks} c ON c.row = s.chunk_row')}
     WHERE c.tenant_id = ${t} AND d.tenant_id = ${t} AND v.status = 'current' AND (${access}) ORDER BY s.score DESC, s.chunk_row`,
    p.values,
    c,
  );
  return rows.map((row, i) => {
    const score = row.score as number;
    const hit: Hit = {
      chunk: toChunk(tenant, row),
      document: { id: row.document_id as string, title: row.document_title as string, source: row.document_source as string, collection: row.document_collection as string },
      score,
      stages: { [stage]: { score, rank: i + 1 } },
    };
    if (withVectors && typeof row.embedding === 'string') hit.vector = Float32Array.from(JSON.parse(row.embedding) as number[]);
    return hit;
  });
}
