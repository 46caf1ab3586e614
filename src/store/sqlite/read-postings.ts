/**
 * `readPostings`: the collection statistics and the postings of the given terms, read from the store (one read
 * transaction by the caller). A long-lived process keeps what it decoded per tenant for the tenant generation it
 * was read at (any write, by any process, moves the generation); results are the same either way.
 */
import type { SqliteContext } from './context.js';
import type { CollectionStats } from './keyword-index.js';
import { readPostingsBlob } from './keyword-postings.js';

/** Decoded postings of one tenant at one generation, bounded by {@link cacheBytes}. */
export interface PostingsCache {
  generation: number;
  stats: CollectionStats;
  terms: Map<string, Uint32Array>;
  bytes: number;
}

/** Decoded postings a process keeps per tenant before starting over. */
export const cacheBytes = 64 * 1024 * 1024;

/** Statistics and each term's postings (an empty array when absent) for `tenantId`. */
export function readPostings(
  ctx: SqliteContext,
  caches: Map<number, PostingsCache>,
  tenantId: number,
  terms: Iterable<string>,
): { stats: CollectionStats; postings: Map<string, Uint32Array> } {
  const generation = ctx.generation(tenantId);
  let cache = caches.get(tenantId);
  if (!cache || cache.generation !== generation || cache.bytes > cacheBytes) {
    const row = ctx.stmt('SELECT chunks, total_length AS totalLength FROM keyword_collection WHERE tenant_id = ?').get(tenantId) as CollectionStats | undefined;
    cache = { generation, stats: row ?? { chunks: 0, totalLength: 0 }, terms: new Map(), bytes: 0 };
    caches.set(tenantId, cache);
  }
  const postings = new Map<string, Uint32Array>();
  const blocks = ctx.stmt('SELECT postings FROM keyword_blocks WHERE tenant_id = ? AND term = ? ORDER BY first_chunk').pluck();
  for (const term of terms) {
    let entries = cache.terms.get(term);
    if (!entries) {
      entries = _concat((blocks.all(tenantId, term) as Buffer[]).map(readPostingsBlob));
      cache.terms.set(term, entries);
      cache.bytes += entries.byteLength + term.length * 2 + 64;
    }
    postings.set(term, entries);
  }
  return { stats: cache.stats, postings };
}

function _concat(parts: Uint32Array[]): Uint32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
