/**
 * A tenant's vector index: exact (exact-vector-index.ts) below `annThreshold` current leaf vectors, HNSW
 * (ann-vector-index.ts) from there, or forced either way. Loaded when first searched, kept in sync with this
 * process's writes through their deltas, and rebuilt (exact) or reconciled (HNSW) after other processes' writes.
 * Metadata filters run inside the search: a filter allowing few documents is scored exactly over exactly their
 * vectors (read from SQLite); a wider one searches the graph with a growing k until k allowed hits are found or
 * the graph is exhausted, then falls back to the exact candidates — never truncate-then-filter.
 * A process whose saved graph is exactly current (same generation and epoch) opens it from the meta alone — no count
 * of the stored vectors, no read of them — and memory-maps the graph: a cold `fathom search` reads a few pages.
 * Below the threshold a current exact side file (exact-vector-file.ts) is read in one piece instead of the rows.
 */
import { FathomError } from '../../util/errors.js';
import { dotAt, normalize, topK } from '../../util/math/vector-math.js';
import { removeAnnFiles } from './ann-files.js';
import { applyAnnDelta, buildAnnIndex, openAnnIndex, reconcileAnnIndex, releaseAnnIndex, saveAnnIndex, searchAnnIndex, type AnnSettings, type AnnVectorIndex } from './ann-vector-index.js';
import type { SqliteContext } from './context.js';
import { readExactFile, removeExactFile, writeExactFile } from './exact-vector-file.js';
import { applyExactDelta, buildExactIndex, searchExactIndex, type ExactVectorIndex } from './exact-vector-index.js';
import type { IndexDelta, VectorRow } from './index-delta.js';
import { isCurrent, sideFileIdentity, type SideFileIdentity } from './side-file-identity.js';

/** Options of the SQLite store's vector index. */
export interface VectorIndexOptions {
  /**
   * `auto`: exact search below `annThreshold` vectors per tenant, HNSW from there; `exact` / `ann` force one. A handle
   * forced to `exact` removes the tenant graph files (it cannot keep them in sync with its deletes); a later
   * `auto`/`ann` handle rebuilds the graph. @default 'auto'
   */
  mode?: 'auto' | 'exact' | 'ann';
  /** Current leaf vectors per tenant from which `auto` uses HNSW (and below half of which it goes back). @default 20000 */
  annThreshold?: number;
  /** HNSW neighbours per node. @default 16 */
  connectivity?: number;
  /** HNSW candidate list while building. @default 128 */
  expansionAdd?: number;
  /** HNSW candidate list while searching (at least k). 128 measured at 1M vectors: recall@10 0.979 at p95 1.9 ms (64: 0.949). @default 128 */
  expansionSearch?: number;
  /** Storage of vectors inside the graph. @default 'f16' */
  quantization?: 'f32' | 'f16';
  /** A filter allowing at most this many documents is searched exactly over their vectors. @default 2000 */
  filterExactLimit?: number;
  /** Save the graph beside a file database (`<path>.t<tenant>.usearch`); ignored for `:memory:`. @default true */
  persist?: boolean;
  /**
   * Threads used to build a graph. usearch's multi-threaded insertion builds a different graph each run and some
   * of them miss a stored vector queried with itself (measured on 200 clustered vectors: 176 of 60,000 self-queries
   * with 2 threads, 0 with 1; 5,000 vectors: 19 of 30,000 vs 0), so the default is one thread; 2 builds large
   * graphs faster at that cost. @default 1
   */
  buildThreads?: number;
}

/** Resolved {@link VectorIndexOptions}. */
export interface VectorSettings extends AnnSettings {
  mode: 'auto' | 'exact' | 'ann';
  annThreshold: number;
  filterExactLimit: number;
  persist: boolean;
}

export type VectorIndex = ExactVectorIndex | AnnVectorIndex;

/** Apply defaults. */
export function resolveVectorSettings(o: VectorIndexOptions = {}, location: string): VectorSettings {
  return {
    mode: o.mode ?? 'auto', annThreshold: o.annThreshold ?? 20_000, connectivity: o.connectivity ?? 16, expansionAdd: o.expansionAdd ?? 128,
    expansionSearch: o.expansionSearch ?? 128, quantization: o.quantization ?? 'f16', filterExactLimit: o.filterExactLimit ?? 2_000,
    persist: (o.persist ?? true) && location !== ':memory:', buildThreads: o.buildThreads ?? 1,
  };
}

/** The graph file of a tenant, when persisted. */
export function annFile(ctx: SqliteContext, tenantId: number, s: VectorSettings): string | undefined {
  return s.persist ? `${ctx.location}.t${tenantId}.usearch` : undefined;
}

/** Load (or reuse, or bring up to date) the tenant's index. */
export function loadVectorIndex(ctx: SqliteContext, tenantId: number, cache: Map<number, VectorIndex>, s: VectorSettings): VectorIndex {
  const generation = ctx.generation(tenantId);
  const cached = cache.get(tenantId);
  if (cached && cached.generation === generation) return cached;
  const file = annFile(ctx, tenantId, s);
  const current = cached ? undefined : (file && s.mode !== 'exact' && _openCurrentGraph(ctx, tenantId, file, s)) || _openCurrentExact(ctx, tenantId, s);
  if (current) {
    cache.set(tenantId, current);
    return current;
  }
  const count = ctx.stmt('SELECT count(*) FROM vectors WHERE tenant_id = ?').pluck().get(tenantId) as number;
  const dims = (ctx.stmt('SELECT dims FROM vectors WHERE tenant_id = ? LIMIT 1').pluck().get(tenantId) as number | undefined) ?? 0;
  let index: VectorIndex;
  if (dims > 0 && (s.mode === 'ann' || (s.mode === 'auto' && count >= (cached?.kind === 'ann' ? s.annThreshold / 2 : s.annThreshold)))) {
    if (cached?.kind === 'ann' && cached.dims === dims) {
      reconcileAnnIndex(cached, generation, readVectorRows(ctx, tenantId));
      index = cached;
    } else {
      const identity = sideFileIdentity(ctx, tenantId);
      index = (file && openAnnIndex(file, { ...identity, generation }, dims, s, () => readVectorRows(ctx, tenantId))) || buildAnnIndex(generation, dims, readVectorRows(ctx, tenantId), s);
    }
    if (file) saveAnnIndex(index, file, sideFileIdentity(ctx, tenantId));
    const exact = exactFile(ctx, tenantId, s);
    if (exact) removeExactFile(exact);
  } else {
    if (file) removeAnnFiles(file);
    index = _buildExact(ctx, tenantId, generation, dims, s);
  }
  if (cached?.kind === 'ann' && cached !== index) releaseAnnIndex(cached);
  cache.set(tenantId, index);
  return index;
}

/** The exact side file of a tenant, when persisted. */
export function exactFile(ctx: SqliteContext, tenantId: number, s: VectorSettings): string | undefined {
  return s.persist ? `${ctx.location}.t${tenantId}.vectors` : undefined;
}

/** The exact side file's index when exactly current and `auto` would choose exact search for its row count. */
function _openCurrentExact(ctx: SqliteContext, tenantId: number, s: VectorSettings): ExactVectorIndex | undefined {
  const file = exactFile(ctx, tenantId, s);
  const saved = file ? readExactFile(file, sideFileIdentity(ctx, tenantId)) : undefined;
  return saved && (s.mode === 'exact' || (s.mode === 'auto' && saved.count < s.annThreshold)) ? saved : undefined;
}

/** The exact index built from SQLite (and its side file written). */
function _buildExact(ctx: SqliteContext, tenantId: number, generation: number, dims: number, s: VectorSettings): ExactVectorIndex {
  const file = exactFile(ctx, tenantId, s);
  const identity = sideFileIdentity(ctx, tenantId); // read before the rows: a write in between only makes the file stale
  const index = buildExactIndex(generation, dims, readVectorRows(ctx, tenantId));
  if (file && identity.generation === generation && index.size > 0) writeExactFile(file, index, identity);
  return index;
}

/** The saved graph when its meta is exactly current and `auto` would choose HNSW for its key count (memory-mapped). */
function _openCurrentGraph(ctx: SqliteContext, tenantId: number, file: string, s: VectorSettings): AnnVectorIndex | undefined {
  const identity = sideFileIdentity(ctx, tenantId);
  const accept = (meta: { identity: SideFileIdentity; count: number }) => isCurrent(meta.identity, identity) && (s.mode === 'ann' || meta.count >= s.annThreshold);
  return openAnnIndex(file, identity, undefined, s, () => readVectorRows(ctx, tenantId), accept);
}

/** Drop every loaded index (closing the descriptors behind memory-mapped graphs). */
export function clearVectorIndexes(cache: Map<number, VectorIndex>): void {
  for (const index of cache.values()) if (index.kind === 'ann') releaseAnnIndex(index);
  cache.clear();
}

/** Apply this process's committed delta to a loaded, up-to-date index; otherwise leave it to `loadVectorIndex`. */
export function applyVectorDelta(cache: Map<number, VectorIndex>, delta: IndexDelta, s: VectorSettings): void {
  const index = cache.get(delta.tenantId);
  if (!index) return;
  if (index.generation !== delta.from) {
    if (index.kind === 'exact') cache.delete(delta.tenantId);
    return;
  }
  if (index.kind === 'ann') {
    applyAnnDelta(index, delta);
    if (s.mode === 'auto' && index.count < s.annThreshold / 2) {
      releaseAnnIndex(index);
      cache.delete(delta.tenantId);
    }
  } else if (!applyExactDelta(index, delta) || (s.mode !== 'exact' && index.count >= (s.mode === 'ann' ? 1 : s.annThreshold))) {
    cache.delete(delta.tenantId);
  }
}

/** After a deletion, make sure no saved graph still holds the deleted vectors. */
export function persistAfterDelete(ctx: SqliteContext, tenantId: number, cache: Map<number, VectorIndex>, s: VectorSettings): void {
  const file = annFile(ctx, tenantId, s);
  if (!file) return;
  const index = loadVectorIndex(ctx, tenantId, cache, s);
  if (index.kind === 'ann') saveAnnIndex(index, file, sideFileIdentity(ctx, tenantId));
}

/** Nearest chunk rowids to `vector` among the allowed documents (all when `allowedDocuments` is undefined). */
export function searchVectors(
  ctx: SqliteContext,
  tenantId: number,
  index: VectorIndex,
  vector: Float32Array,
  k: number,
  allowedDocuments: Set<number> | undefined,
  s: VectorSettings,
): Array<{ chunkRowid: number; score: number }> {
  if (index.dims === 0) return [];
  if (vector.length !== index.dims) {
    throw new FathomError({
      code: 'EMBEDDING_MISMATCH',
      message: `The query vector has ${vector.length} dimensions but this tenant's vectors have ${index.dims}. Embed queries with the model the documents were embedded with.`,
      details: { expected: index.dims, actual: vector.length },
    });
  }
  const q = normalize(vector);
  if (index.kind === 'exact') {
    const allowed = allowedDocuments && ((row: number) => allowedDocuments.has(index.documentRowids[row]!));
    return searchExactIndex(index, q, k, allowed).map((h) => ({ chunkRowid: index.chunkRowids[h.index]!, score: h.score }));
  }
  if (allowedDocuments && allowedDocuments.size <= s.filterExactLimit) return _exactOverDocuments(ctx, q, k, allowedDocuments);
  const hits = searchAnnIndex(index, q, k, allowedDocuments);
  if (allowedDocuments && hits.length < k) return _exactOverDocuments(ctx, q, k, allowedDocuments);
  // A graph can leave nodes unreachable (many identical vectors, a build whose thread interleaving linked them
  // badly): fewer hits than the tenant holds means some were missed, so answer exactly instead of short.
  if (!allowedDocuments && hits.length < Math.min(k, index.count)) return _exactOverRows(q, k, readVectorRows(ctx, tenantId));
  return hits.map((h) => ({ chunkRowid: h.chunkRowid, score: h.score }));
}

/** Stored vectors of the tenant in chunk-rowid order (or of `documents` only). */
export function readVectorRows(ctx: SqliteContext, tenantId: number, documents?: Set<number>): VectorRow[] {
  const rows = (
    documents
      ? ctx.stmt('SELECT chunk_rowid, document_rowid, dims, vector FROM vectors WHERE document_rowid IN (SELECT value FROM json_each(?)) ORDER BY chunk_rowid').raw().all(JSON.stringify([...documents]))
      : ctx.stmt('SELECT chunk_rowid, document_rowid, dims, vector FROM vectors WHERE tenant_id = ? ORDER BY chunk_rowid').raw().all(tenantId)
  ) as Array<[number, number, number, Buffer]>;
  const dims = rows[0]?.[2] ?? 0;
  return rows.map(([chunkRowid, documentRowid, rowDims, blob]) => {
    if (rowDims !== dims) {
      throw new FathomError({
        code: 'EMBEDDING_MISMATCH',
        message: `Stored vectors of tenant ${tenantId} mix ${dims} and ${rowDims} dimensions; re-ingest the tenant with one embedding model.`,
        details: { expected: dims, actual: rowDims },
      });
    }
    const vector = new Float32Array(rowDims);
    new Uint8Array(vector.buffer).set(blob);
    return { chunkRowid, documentRowid, vector };
  });
}

function _exactOverDocuments(ctx: SqliteContext, q: Float32Array, k: number, documents: Set<number>): Array<{ chunkRowid: number; score: number }> {
  if (documents.size === 0) return [];
  return _exactOverRows(q, k, readVectorRows(ctx, 0, documents));
}

function _exactOverRows(q: Float32Array, k: number, rows: VectorRow[]): Array<{ chunkRowid: number; score: number }> {
  const unit = rows.map((r) => normalize(r.vector));
  return topK(rows.length, k, (i) => dotAt(q, unit[i]!, 0, q.length)).map((h) => ({ chunkRowid: rows[h.index]!.chunkRowid, score: h.score }));
}
