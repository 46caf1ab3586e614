/**
 * The keyword index on disk: per (tenant, term), blocks of postings; per tenant, the collection statistics.
 *
 *   keyword_blocks     (tenant_id, term, first_chunk) → n, postings BLOB
 *   keyword_collection (tenant_id) → chunks, total_length, merged_through, pending
 *   keyword_terms      (chunk_rowid) → tenant_id, document_rowid, length, terms   (the forward index, one row a chunk)
 *
 * A block's blob is n little-endian u32 triples `(chunk_rowid, document_rowid, tf << 8 | norm)` in ascending
 * chunk order, `norm` being Lucene's one-byte length norm; a term's blocks cover disjoint, ascending chunk ranges
 * (`first_chunk` is a lower bound of the block's range). Chunks above the tenant's `merged_through` watermark are
 * *pending*: their postings are only in `keyword_terms` (the row the commit writes anyway), and a query finds them
 * with a substring scan of at most {@link mergeAt} rows. When `pending` reaches {@link mergeAt}, the committing
 * transaction moves them into one new block per term — writing a block row per distinct term per commit costs
 * ~10 µs each and would slow ingest by a third; per {@link mergeAt} chunks it costs a few percent. Removing a
 * chunk rewrites (or deletes, when emptied) the one block per term that holds it, or just decrements `pending`.
 * Everything runs inside the transaction that writes or removes the chunk, with the statistics.
 */
import type Database from 'better-sqlite3';
import { luceneNormByte } from './keyword-index.js';

/** A keyword-index row as stored in `keyword_terms`. */
export interface KeywordRow {
  chunkRowid: number;
  documentRowid: number;
  length: number;
  terms: string;
}

/** Statement access (a {@link SqliteContext} or a migration's own cache). */
export interface StatementSource {
  stmt: (sql: string) => Database.Statement;
}

/** Pending (unmerged) chunks per tenant that trigger a merge into blocks. */
export const mergeAt = 2048;

/** Collection row of a tenant (zeros when it has none). */
export interface CollectionRow {
  chunks: number;
  totalLength: number;
  mergedThrough: number;
  pending: number;
}

/** The tenant's statistics and merge watermark. */
export function readCollection(ctx: StatementSource, tenantId: number): CollectionRow {
  const row = ctx
    .stmt('SELECT chunks, total_length AS totalLength, merged_through AS mergedThrough, pending FROM keyword_collection WHERE tenant_id = ?')
    .get(tenantId) as CollectionRow | undefined;
  return row ?? { chunks: 0, totalLength: 0, mergedThrough: 0, pending: 0 };
}

/**
 * Account for `rows` (chunks written to `keyword_terms` in this transaction): statistics, pending count; a chunk
 * at or below the watermark (a reused rowid) goes straight into blocks; a full pending tail is merged.
 */
export function addPostings(ctx: StatementSource, tenantId: number, rows: KeywordRow[]): void {
  if (rows.length === 0) return;
  const { mergedThrough } = readCollection(ctx, tenantId);
  const below = rows.filter((r) => r.chunkRowid <= mergedThrough);
  if (below.length) writeBlocks(ctx, tenantId, below);
  const totalLength = rows.reduce((n, r) => n + r.length, 0);
  _updateCollection(ctx, tenantId, rows.length, totalLength, rows.length - below.length);
  if (readCollection(ctx, tenantId).pending >= mergeAt) mergePending(ctx, tenantId);
}

/** Move every pending chunk of the tenant into blocks and advance the watermark. */
export function mergePending(ctx: StatementSource, tenantId: number): void {
  const { mergedThrough } = readCollection(ctx, tenantId);
  const rows = ctx
    .stmt(
      `SELECT chunk_rowid AS chunkRowid, document_rowid AS documentRowid, length, terms FROM keyword_terms
       WHERE tenant_id = ? AND chunk_rowid > ? ORDER BY chunk_rowid`,
    )
    .all(tenantId, mergedThrough) as KeywordRow[];
  writeBlocks(ctx, tenantId, rows);
  const last = rows.length ? rows[rows.length - 1]!.chunkRowid : mergedThrough;
  ctx.stmt('UPDATE keyword_collection SET merged_through = ?, pending = 0 WHERE tenant_id = ?').run(last, tenantId);
}

/** Write `rows` (ascending chunk rowid, above every chunk already in a block of theirs) as one new block per term. */
export function writeBlocks(ctx: StatementSource, tenantId: number, rows: KeywordRow[]): void {
  const byTerm = new Map<string, number[]>();
  for (const r of rows) {
    const norm = luceneNormByte(r.length);
    forEachTerm(r.terms, (term, tf) => {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(r.chunkRowid, r.documentRowid, ((tf << 8) | norm) >>> 0);
    });
  }
  const insert = ctx.stmt('INSERT INTO keyword_blocks (tenant_id, term, first_chunk, n, postings) VALUES (?, ?, ?, ?, ?)');
  for (const [term, list] of byTerm) insert.run(tenantId, term, list[0], list.length / 3, _toBlob(Uint32Array.from(list)));
}

/** Remove `rows` (chunks leaving the index in this transaction) from the tenant's postings and statistics. */
export function removePostings(ctx: StatementSource, tenantId: number, rows: KeywordRow[]): void {
  if (rows.length === 0) return;
  const { mergedThrough } = readCollection(ctx, tenantId);
  const byTerm = new Map<string, number[]>();
  let totalLength = 0;
  let pending = 0;
  for (const r of rows) {
    totalLength += r.length;
    if (r.chunkRowid > mergedThrough) {
      pending++;
      continue;
    }
    forEachTerm(r.terms, (term) => {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(r.chunkRowid);
    });
  }
  const find = ctx.stmt('SELECT rowid, postings FROM keyword_blocks WHERE tenant_id = ? AND term = ? AND first_chunk <= ? ORDER BY first_chunk DESC LIMIT 1');
  const update = ctx.stmt('UPDATE keyword_blocks SET n = ?, postings = ? WHERE rowid = ?');
  const remove = ctx.stmt('DELETE FROM keyword_blocks WHERE rowid = ?');
  for (const [term, chunks] of byTerm) {
    const gone = new Set(chunks);
    const blocks = new Map<number, Uint32Array>();
    for (const chunk of chunks) {
      const block = find.get(tenantId, term, chunk) as { rowid: number; postings: Buffer } | undefined;
      if (block && !blocks.has(block.rowid)) blocks.set(block.rowid, readPostingsBlob(block.postings));
    }
    for (const [rowid, entries] of blocks) {
      const kept: number[] = [];
      for (let i = 0; i < entries.length; i += 3) if (!gone.has(entries[i]!)) kept.push(entries[i]!, entries[i + 1]!, entries[i + 2]!);
      if (kept.length === 0) remove.run(rowid);
      else if (kept.length !== entries.length) update.run(kept.length / 3, _toBlob(Uint32Array.from(kept)), rowid);
    }
  }
  _updateCollection(ctx, tenantId, -rows.length, -totalLength, -pending);
}

/** A blob of u32 triples as a Uint32Array (copied when the Buffer is not 4-byte aligned). */
export function readPostingsBlob(blob: Buffer): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  const copy = new Uint32Array(blob.byteLength / 4);
  new Uint8Array(copy.buffer).set(blob);
  return copy;
}

/** Parse "term tf term tf …" in place (no split arrays, no Number()). */
export function forEachTerm(terms: string, fn: (term: string, tf: number) => void): void {
  let pos = 0;
  while (pos < terms.length) {
    const space = terms.indexOf(' ', pos);
    const term = terms.slice(pos, space);
    let tf = 0;
    for (pos = space + 1; pos < terms.length && terms.charCodeAt(pos) !== 32; pos++) tf = tf * 10 + terms.charCodeAt(pos) - 48;
    pos++;
    fn(term, tf);
  }
}

function _toBlob(entries: Uint32Array): Buffer {
  return Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength);
}

function _updateCollection(ctx: StatementSource, tenantId: number, chunks: number, totalLength: number, pending: number): void {
  ctx
    .stmt(
      `INSERT INTO keyword_collection (tenant_id, chunks, total_length, pending) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET chunks = chunks + excluded.chunks, total_length = total_length + excluded.total_length,
       pending = pending + excluded.pending`,
    )
    .run(tenantId, chunks, totalLength, pending);
}
