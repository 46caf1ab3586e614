/** `searchKeyword` and `searchVector`: score in memory, filter through SQL first, hydrate hits from SQL. */
import type { MetadataFilter } from '../../spec/filter.js';
import type { Hit, StageName } from '../../spec/hit.js';
import type { KeywordSearchOptions, VectorSearchOptions } from '../../spec/store.js';
import { topK } from '../../util/vector-math.js';
import type { SqliteContext } from './context.js';
import { compileFilter } from './filter-sql.js';
import { loadKeywordIndex, scoreKeyword, type KeywordIndex } from './keyword-index.js';
import { chunkColumns, chunkJoins, toChunk } from './rows.js';
import { loadVectorIndex, searchVectorIndex, type VectorIndex } from './vector-index.js';

/** Per-store in-memory indexes, keyed by tenant row id. */
export interface SearchCaches {
  keyword: Map<number, KeywordIndex>;
  vector: Map<number, VectorIndex>;
  /** Allowed document rowids per (tenant, filter), valid for one tenant generation. */
  allowed: Map<string, { generation: number; documents: Set<number> }>;
}

/** BM25 search over the tenant's current leaf chunks. */
export function searchKeyword(ctx: SqliteContext, caches: SearchCaches, options: KeywordSearchOptions): Hit[] {
  const { tenant, query, topK: k, filter, bm25 = {} } = options;
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined || !(k > 0)) return [];
  const index = loadKeywordIndex(ctx, tenantId, caches.keyword);
  const allowedDocs = _allowedDocuments(ctx, caches, tenantId, filter);
  const allowed = allowedDocs && ((e: number) => allowedDocs.has(index.documentRowids[e]!));
  const { entries, scores } = scoreKeyword(index, query, { k1: bm25.k1 ?? ctx.bm25.k1, b: bm25.b ?? ctx.bm25.b, allowed });
  const best = topK(entries.length, k, (i) => scores[entries[i]!]!);
  return _hydrate(ctx, tenant, 'bm25', best.map((s) => ({ chunkRowid: index.chunkRowids[entries[s.index]!]!, score: s.score })));
}

/** Exact cosine search over the tenant's current leaf chunk vectors. */
export function searchVector(ctx: SqliteContext, caches: SearchCaches, options: VectorSearchOptions): Hit[] {
  const { tenant, vector, topK: k, filter } = options;
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined || !(k > 0)) return [];
  const index = loadVectorIndex(ctx, tenantId, caches.vector);
  const allowedDocs = _allowedDocuments(ctx, caches, tenantId, filter);
  const allowed = allowedDocs && ((row: number) => allowedDocs.has(index.documentRowids[row]!));
  const best = searchVectorIndex(index, vector, k, allowed);
  return _hydrate(ctx, tenant, 'vector', best.map((s) => ({ chunkRowid: index.chunkRowids[s.index]!, score: s.score })));
}

function _allowedDocuments(ctx: SqliteContext, caches: SearchCaches, tenantId: number, filter: MetadataFilter | undefined): Set<number> | undefined {
  if (!filter || Object.keys(filter).length === 0) return undefined;
  const key = `${tenantId}\u0000${JSON.stringify(filter)}`;
  const generation = ctx.generation(tenantId);
  const cached = caches.allowed.get(key);
  if (cached && cached.generation === generation) return cached.documents;
  const where = compileFilter(filter);
  const rows = ctx.stmt(`SELECT d.rowid FROM documents d WHERE d.tenant_id = ? AND (${where.sql})`).pluck().all(tenantId, ...where.params);
  const documents = new Set(rows as number[]);
  if (caches.allowed.size >= 64) caches.allowed.clear();
  caches.allowed.set(key, { generation, documents });
  return documents;
}

function _hydrate(ctx: SqliteContext, tenant: string, stage: StageName, ranked: Array<{ chunkRowid: number; score: number }>): Hit[] {
  if (ranked.length === 0) return [];
  const rows = ctx
    .stmt(`SELECT ${chunkColumns} FROM ${chunkJoins} WHERE c.rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ranked.map((r) => r.chunkRowid))) as Array<Record<string, unknown>>;
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
