/** `searchKeyword` (postings read from disk) and `searchVector`: filter through SQL first, score, hydrate hits from SQL. */
import type { Principal } from '../../spec/access.js';
import type { MetadataFilter } from '../../spec/filter.js';
import type { Hit, StageName } from '../../spec/hit.js';
import type { KeywordQueryStats, KeywordSearchOptions, VectorSearchOptions } from '../../spec/store.js';
import type { SqliteContext } from './context.js';
import { aclGeneration, tenantHasAcls } from './acl-store.js';
import { compileAccess } from './acl-sql.js';
import { compileScope } from './filter-sql.js';
import { maxKeywordScore, queryWeights, scorePostings } from './keyword-index.js';
import { readPostings, type PostingsCache } from './read-postings.js';
import { chunkColumns, chunkJoins, toChunk } from './rows.js';
import { loadVectorIndex, searchVectors, type VectorIndex, type VectorSettings } from './vector-index.js';

/** Per-store in-memory indexes and caches, keyed by tenant row id. */
export interface SearchCaches {
  /** Decoded postings per tenant, valid for one tenant generation. */
  keyword: Map<number, PostingsCache>;
  vector: Map<number, VectorIndex>;
  vectorSettings: VectorSettings;
  /** Allowed document rowids per (tenant, filter, principal), valid for one tenant generation and ACL generation. */
  allowed: Map<string, { generation: string; documents: Set<number> }>;
}

/** BM25 search over the tenant's current leaf chunks: reads only the query terms' postings (one read transaction). */
export function searchKeyword(ctx: SqliteContext, caches: SearchCaches, options: KeywordSearchOptions): Hit[] {
  const { tenant, query, topK: k, filter, principal, bm25 = {} } = options;
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined || !(k > 0)) return [];
  const weights = queryWeights(query);
  return ctx.db.transaction(() => {
    const { stats, postings } = readPostings(ctx, caches.keyword, tenantId, weights.keys());
    const allowed = _allowedDocuments(ctx, caches, tenantId, filter, principal);
    const lists = [...weights].map(([term, weight]) => ({ weight, entries: postings.get(term)! }));
    const ranked = scorePostings(lists, stats, { k1: bm25.k1 ?? ctx.bm25.k1, b: bm25.b ?? ctx.bm25.b, k, allowed });
    return _hydrate(ctx, tenant, tenantId, 'bm25', ranked, principal);
  })();
}

/** The query's analyzed terms and the largest BM25 score a chunk could reach for it. */
export function keywordQueryStats(ctx: SqliteContext, caches: SearchCaches, options: { tenant: string; query: string; bm25?: { k1?: number } }): KeywordQueryStats {
  const tenantId = ctx.tenantId(options.tenant);
  const k1 = options.bm25?.k1 ?? ctx.bm25.k1;
  const weights = queryWeights(options.query);
  if (tenantId === undefined) return { terms: [...weights.keys()], maxScore: 0 };
  return ctx.db.transaction(() => {
    const { stats, postings } = readPostings(ctx, caches.keyword, tenantId, weights.keys());
    const dfs = new Map([...postings].map(([term, entries]) => [term, entries.length / 3]));
    return { terms: [...weights.keys()], maxScore: maxKeywordScore(weights, dfs, stats.chunks, k1) };
  })();
}

/** Cosine search over the tenant's current leaf chunk vectors (exact or HNSW, see vector-index.ts). */
export function searchVector(ctx: SqliteContext, caches: SearchCaches, options: VectorSearchOptions): Hit[] {
  const { tenant, vector, topK: k, filter, principal, includeVectors = false } = options;
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined || !(k > 0)) return [];
  const index = loadVectorIndex(ctx, tenantId, caches.vector, caches.vectorSettings);
  const allowedDocs = _allowedDocuments(ctx, caches, tenantId, filter, principal);
  const ranked = searchVectors(ctx, tenantId, index, vector, k, allowedDocs, caches.vectorSettings);
  const hits = _hydrate(ctx, tenant, tenantId, 'vector', ranked, principal);
  if (includeVectors) _attachVectors(ctx, tenantId, hits, ranked.map((r) => r.chunkRowid));
  return hits;
}

/**
 * The documents a search may score: those matching the filter that the principal may read (undefined: all). Both
 * searches restrict scoring to this set, so filters and access lists act inside the search, before truncation.
 */
function _allowedDocuments(ctx: SqliteContext, caches: SearchCaches, tenantId: number, filter: MetadataFilter | undefined, principal: Principal | undefined): Set<number> | undefined {
  const filtered = filter !== undefined && Object.keys(filter).length > 0;
  const where = compileScope({ filter, principal });
  if (!filtered && (principal === undefined || !tenantHasAcls(ctx, tenantId))) return undefined;
  const key = `${tenantId}\u0000${JSON.stringify(filter ?? {})}\u0000${principal ? JSON.stringify([principal.id, [...(principal.groups ?? [])].sort()]) : ''}`;
  const generation = `${ctx.generation(tenantId)}:${principal ? aclGeneration(ctx, tenantId) : ''}`;
  const cached = caches.allowed.get(key);
  if (cached && cached.generation === generation) return cached.documents;
  const rows = ctx.stmt(`SELECT d.rowid FROM documents d WHERE d.tenant_id = ? AND (${where.sql})`).pluck().all(tenantId, ...where.params);
  const documents = new Set(rows as number[]);
  if (caches.allowed.size >= 64) caches.allowed.clear();
  caches.allowed.set(key, { generation, documents });
  return documents;
}

/** Attach each hit's stored (as written, not normalised) vector. */
function _attachVectors(ctx: SqliteContext, tenantId: number, hits: Hit[], chunkRowids: number[]): void {
  const rows = ctx
    .stmt('SELECT c.id, x.vector FROM vectors x JOIN chunks c ON c.rowid = x.chunk_rowid WHERE x.chunk_rowid IN (SELECT value FROM json_each(?)) AND x.tenant_id = ?')
    .raw()
    .all(JSON.stringify(chunkRowids), tenantId) as Array<[string, Buffer]>;
  const byId = new Map(rows);
  for (const hit of hits) {
    const blob = byId.get(hit.chunk.id);
    if (!blob) continue;
    const v = new Float32Array(blob.byteLength / 4);
    new Uint8Array(v.buffer).set(blob);
    hit.vector = v;
  }
}

/** Rows for ranked chunk rowids — only the tenant's own current rows: an index is derived data, never trusted to cross tenants. */
function _hydrate(ctx: SqliteContext, tenant: string, tenantId: number, stage: StageName, ranked: Array<{ chunkRowid: number; score: number }>, principal: Principal | undefined): Hit[] {
  if (ranked.length === 0) return [];
  const access = compileAccess(principal);
  const rows = ctx
    // Unary + keeps the tenant checks off the indexes: with them SQLite scanned the tenant's chunks through
    // chunks_id (47 ms at 100k chunks) instead of looking the hits up by rowid (0.1 ms).
    .stmt(`SELECT ${chunkColumns} FROM ${chunkJoins} WHERE c.rowid IN (SELECT value FROM json_each(?)) AND +c.tenant_id = ? AND +d.tenant_id = ? AND v.status = 'current' AND (${access.sql})`)
    .all(JSON.stringify(ranked.map((r) => r.chunkRowid)), tenantId, tenantId, ...access.params) as Array<Record<string, unknown>>;
  const byRowid = new Map(rows.map((r) => [r.chunk_rowid as number, r]));
  return ranked.flatMap(({ chunkRowid, score }, i) => {
    const row = byRowid.get(chunkRowid);
    if (!row) return [];
    const document = {
      id: row.document_id as string,
      title: row.document_title as string,
      source: row.document_source as string,
      collection: row.document_collection as string,
    };
    return [{ chunk: toChunk(tenant, row), document, score, stages: { [stage]: { score, rank: i + 1 } } }];
  });
}
