/**
 * The keyword index on disk: per (tenant, term), blocks of postings; per tenant, the collection statistics.
 *
 *   keyword_blocks     (tenant_id, term, first_chunk) → n, postings BLOB
 *   keyword_collection (tenant_id) → chunks, total_length
 *
 * A block's blob is n little-endian u32 triples `(chunk_rowid, document_rowid, tf << 8 | norm)` in ascending
 * chunk order, `norm` being Lucene's one-byte length norm; a term's blocks cover disjoint, ascending chunk
 * ranges (`first_chunk` is a lower bound of the block's range), so df = Σ n. A transaction's new postings are
 * appended per term: into the term's last block while it holds fewer than {@link mergeBelow} entries (so
 * one-document commits do not leave a block per commit), else as a new block. Removing a chunk rewrites (or
 * deletes, when emptied) the one block per term that holds it. Both run inside the transaction that writes or
 * removes the chunk, with the statistics, so a query reads a consistent snapshot of exactly its terms' postings.
 */
import type Database from 'better-sqlite3';
import type { KeywordRow } from './index-delta.js';
import { luceneNormByte } from './keyword-index.js';

/** Statement access (a {@link SqliteContext} or a migration's own cache). */
export interface StatementSource {
  stmt: (sql: string) => Database.Statement;
}

/** A block takes appended postings while it holds fewer entries than this. */
export const mergeBelow = 1024;

/** Add `rows` (chunks written in one transaction, ascending chunk rowid) to the tenant's postings and statistics. */
export function addPostings(ctx: StatementSource, tenantId: number, rows: KeywordRow[]): void {
  if (rows.length === 0) return;
  const byTerm = new Map<string, number[]>();
  let totalLength = 0;
  for (const r of rows) {
    totalLength += r.length;
    const norm = luceneNormByte(r.length);
    _forEachTerm(r.terms, (term, tf) => {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(r.chunkRowid, r.documentRowid, ((tf << 8) | norm) >>> 0);
    });
  }
  const last = ctx.stmt('SELECT rowid, n, postings FROM keyword_blocks WHERE tenant_id = ? AND term = ? ORDER BY first_chunk DESC LIMIT 1');
  const update = ctx.stmt('UPDATE keyword_blocks SET n = ?, postings = ? WHERE rowid = ?');
  const insert = ctx.stmt('INSERT INTO keyword_blocks (tenant_id, term, first_chunk, n, postings) VALUES (?, ?, ?, ?, ?)');
  for (const [term, list] of byTerm) {
    const added = _toBlob(Uint32Array.from(list));
    const tail = last.get(tenantId, term) as { rowid: number; n: number; postings: Buffer } | undefined;
    if (tail && tail.n < mergeBelow) update.run(tail.n + list.length / 3, Buffer.concat([tail.postings, added]), tail.rowid);
    else insert.run(tenantId, term, list[0], list.length / 3, added);
  }
  _updateCollection(ctx, tenantId, rows.length, totalLength);
}

/** Remove `rows` (chunks leaving the index in this transaction) from the tenant's postings and statistics. */
export function removePostings(ctx: StatementSource, tenantId: number, rows: KeywordRow[]): void {
  if (rows.length === 0) return;
  const byTerm = new Map<string, number[]>();
  let totalLength = 0;
  for (const r of rows) {
    totalLength += r.length;
    _forEachTerm(r.terms, (term) => {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(r.chunkRowid);
    });
  }
  const find = ctx.stmt('SELECT rowid, n, postings FROM keyword_blocks WHERE tenant_id = ? AND term = ? AND first_chunk <= ? ORDER BY first_chunk DESC LIMIT 1');
  const update = ctx.stmt('UPDATE keyword_blocks SET n = ?, postings = ? WHERE rowid = ?');
  const remove = ctx.stmt('DELETE FROM keyword_blocks WHERE rowid = ?');
  for (const [term, chunks] of byTerm) {
    const gone = new Set(chunks);
    const blocks = new Map<number, Uint32Array>();
    for (const chunk of chunks) {
      const block = find.get(tenantId, term, chunk) as { rowid: number; n: number; postings: Buffer } | undefined;
      if (block && !blocks.has(block.rowid)) blocks.set(block.rowid, readPostingsBlob(block.postings));
    }
    for (const [rowid, entries] of blocks) {
      const kept: number[] = [];
      for (let i = 0; i < entries.length; i += 3) if (!gone.has(entries[i]!)) kept.push(entries[i]!, entries[i + 1]!, entries[i + 2]!);
      if (kept.length === 0) remove.run(rowid);
      else if (kept.length !== entries.length) update.run(kept.length / 3, _toBlob(Uint32Array.from(kept)), rowid);
    }
  }
  _updateCollection(ctx, tenantId, -rows.length, -totalLength);
}

/** A blob of u32 triples as a Uint32Array (copied when the Buffer is not 4-byte aligned). */
export function readPostingsBlob(blob: Buffer): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  const copy = new Uint32Array(blob.byteLength / 4);
  new Uint8Array(copy.buffer).set(blob);
  return copy;
}

function _toBlob(entries: Uint32Array): Buffer {
  return Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength);
}

function _updateCollection(ctx: StatementSource, tenantId: number, chunks: number, totalLength: number): void {
  ctx
    .stmt(
      `INSERT INTO keyword_collection (tenant_id, chunks, total_length) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET chunks = chunks + excluded.chunks, total_length = total_length + excluded.total_length`,
    )
    .run(tenantId, chunks, totalLength);
}

/** Parse "term tf term tf …" in place (no split arrays, no Number()). */
function _forEachTerm(terms: string, fn: (term: string, tf: number) => void): void {
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
