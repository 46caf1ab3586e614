/**
 * `readPostings`: the collection statistics and the postings of the given terms, read from the store (one read
 * transaction by the caller): each term's blocks, then the pending chunks above the merge watermark that contain it. A long-lived process keeps what it decoded per tenant for the tenant generation it
 * was read at (any write, by any process, moves the generation); results are the same either way.
 */
import type { SqliteContext } from './context.js';
import { luceneNormByte, type CollectionStats } from './keyword-index.js';
import { forEachTerm, readCollection, readPostingsBlob } from './keyword-postings.js';

/** Decoded postings of one tenant at one generation, bounded by {@link cacheBytes}. */
export interface PostingsCache {
  generation: number;
  stats: CollectionStats;
  mergedThrough: number;
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
    const { chunks, totalLength, mergedThrough } = readCollection(ctx, tenantId);
    cache = { generation, stats: { chunks, totalLength }, mergedThrough, terms: new Map(), bytes: 0 };
    caches.set(tenantId, cache);
  }
  const postings = new Map<string, Uint32Array>();
  const blocks = ctx.stmt('SELECT postings FROM keyword_blocks WHERE tenant_id = ? AND term = ? ORDER BY first_chunk').pluck();
  const wanted = [...terms];
  const missing = wanted.filter((t) => !cache.terms.has(t));
  const pending = _pendingPostings(ctx, tenantId, cache.mergedThrough, missing);
  for (const term of missing) {
    const entries = _concat([...(blocks.all(tenantId, term) as Buffer[]).map(readPostingsBlob), Uint32Array.from(pending.get(term) ?? [])]);
    cache.terms.set(term, entries);
    cache.bytes += entries.byteLength + term.length * 2 + 64;
  }
  for (const term of wanted) postings.set(term, cache.terms.get(term)!);
  return { stats: cache.stats, postings };
}

/** Postings of `terms` among the tenant's pending chunks (a substring prefilter in SQL, the exact match here). */
function _pendingPostings(ctx: SqliteContext, tenantId: number, mergedThrough: number, terms: string[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  if (terms.length === 0) return found;
  const rows = ctx
    .stmt(
      `SELECT chunk_rowid, document_rowid, length, terms FROM keyword_terms INDEXED BY keyword_terms_tenant
       WHERE tenant_id = ? AND chunk_rowid > ? AND (${terms.map(() => 'instr(terms, ?) > 0').join(' OR ')}) ORDER BY chunk_rowid`,
    )
    .raw()
    .all(tenantId, mergedThrough, ...terms.map((t) => `${t} `)) as Array<[number, number, number, string]>;
  const wanted = new Set(terms);
  for (const [chunk, document, length, text] of rows) {
    const norm = luceneNormByte(length);
    forEachTerm(text, (term, tf) => {
      if (!wanted.has(term)) return;
      let list = found.get(term);
      if (!list) found.set(term, (list = []));
      list.push(chunk, document, ((tf << 8) | norm) >>> 0);
    });
  }
  return found;
}

function _concat(parts: Uint32Array[]): Uint32Array {
  const used = parts.filter((p) => p.length > 0);
  if (used.length === 1) return used[0]!;
  const out = new Uint32Array(used.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of used) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
