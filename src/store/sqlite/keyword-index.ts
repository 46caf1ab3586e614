/**
 * The keyword index: Lucene-style BM25 over current leaf chunks, answered from the postings on disk.
 *
 * Why not FTS5: FTS5's `bm25()` fixes k1=1.2/b=0.75 and uses a different idf. Instead each searchable chunk
 * keeps one `keyword_terms` row ("term tf term tf …" of the analyzed text, plus its length) — the forward index,
 * used to remove a chunk's postings — and its postings (keyword-postings.ts), written in the same transaction as
 * the chunk. A query reads only its terms' postings and the collection statistics (one read transaction), so
 * a cold process answers without building anything; a long-lived process keeps the decoded postings of the
 * terms it has seen for the current tenant generation (same scoring code, so the same results). Scoring is
 * document-at-a-time over chunk-ordered postings: exact Lucene BM25 including its lossy one-byte
 * document-length norms, per-query k1/b.
 * Filters are resolved in SQL to the set of allowed documents and applied while scoring, never after truncation.
 */
import { analyze } from '../../util/text/analyzer.js';
import { scoreKernel, scoreWithKernel } from './score-kernel.js';

/** The analyzed form of a chunk's index text, as stored in `keyword_terms`. */
export function encodeTerms(text: string): { length: number; terms: string } {
  const terms = analyze(text);
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const parts: string[] = [];
  for (const [t, n] of counts) parts.push(t, String(n));
  return { length: terms.length, terms: parts.join(' ') };
}

/** The query's distinct analyzed terms, each with the number of times it occurs, in first-occurrence order. */
export function queryWeights(query: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const t of analyze(query)) weights.set(t, (weights.get(t) ?? 0) + 1);
  return weights;
}

/** Collection statistics of a tenant's keyword index. */
export interface CollectionStats {
  /** Number of indexed chunks (N). */
  chunks: number;
  totalLength: number;
}

/** One query term's postings: u32 triples (chunk rowid, document rowid, tf << 8 | norm byte), ascending chunk. */
export interface TermPostings {
  weight: number;
  entries: Uint32Array;
}

/**
 * The top `k` chunks by BM25: idf = ln(1 + (N − df + 0.5)/(df + 0.5)), tf·(k1+1)/(tf + k1·(1 − b + b·dl/avgdl)),
 * dl the Lucene-decoded norm; a term repeated in the query counts that many times; each chunk's terms are summed in
 * query order. Ties go to the lower chunk rowid.
 *
 * Term at a time over windows of {@link scoreWindow} chunk rowids (Lucene's BooleanScorer): each term's postings of
 * the window are added into an accumulator, in query order (so every sum is the same double as document at a time),
 * then the window's chunks are offered, in chunk order, to a bounded heap. One tight loop per posting instead of a
 * k-way merge over all terms per chunk: a cold process runs it mostly interpreted, where that is ~5× fewer steps.
 */
export function scorePostings(
  lists: TermPostings[],
  stats: CollectionStats,
  options: {
    k1: number;
    b: number;
    k: number;
    allowed?: Set<number>;
    /** Run the windows in WebAssembly (score-kernel.ts: same doubles, no garbage, compiled from the start) or JavaScript. @default 'wasm' where available */
    engine?: 'wasm' | 'js';
  },
): Array<{ chunkRowid: number; score: number }> {
  const { k1, b, k, allowed, engine = 'wasm' } = options;
  const avg = (stats.chunks ? stats.totalLength / stats.chunks : 0) || 1;
  const terms = lists.filter((l) => l.entries.length > 0);
  const weights = terms.map((l) => {
    const df = l.entries.length / 3;
    return l.weight * Math.log(1 + (stats.chunks - df + 0.5) / (df + 0.5)) * (k1 + 1);
  });
  const denominators = new Float64Array(256);
  for (let n = 0; n < 256; n++) denominators[n] = k1 * (1 - b + (b * normLengths[n]!) / avg);
  const top = _topChunks(Math.floor(Math.min(k, terms.reduce((n, l) => n + l.entries.length / 3, 0))));
  const kernel = engine === 'wasm' ? scoreKernel() : undefined;
  if (kernel) {
    scoreWithKernel(kernel, terms.map((l) => l.entries), weights, denominators, top, allowed);
    return top.sorted();
  }
  const pos = new Int32Array(terms.length);
  const acc = new Float64Array(scoreWindow);
  const documents = new Uint32Array(scoreWindow);
  const seen = new Uint8Array(scoreWindow);
  const touched = new Int32Array(scoreWindow);
  for (;;) {
    let base = Infinity;
    for (let t = 0; t < terms.length; t++) {
      const e = terms[t]!.entries;
      if (pos[t]! < e.length && e[pos[t]!]! < base) base = e[pos[t]!]!;
    }
    if (base === Infinity) break;
    const end = base + scoreWindow;
    let count = 0;
    for (let t = 0; t < terms.length; t++) {
      const e = terms[t]!.entries;
      const w = weights[t]!;
      let p = pos[t]!;
      for (; p < e.length && e[p]! < end; p += 3) {
        const slot = e[p]! - base;
        if (seen[slot] === 0) {
          seen[slot] = 1;
          touched[count++] = slot;
          acc[slot] = 0;
          documents[slot] = e[p + 1]!;
        }
        const packed = e[p + 2]!;
        const tf = packed >>> 8;
        acc[slot] += (w * tf) / (tf + denominators[packed & 0xff]!);
      }
      pos[t] = p;
    }
    const slots = touched.subarray(0, count).sort();
    for (let i = 0; i < count; i++) {
      const slot = slots[i]!;
      seen[slot] = 0;
      if (acc[slot]! > top.floor && (!allowed || allowed.has(documents[slot]!))) top.offer(base + slot, acc[slot]!);
    }
  }
  return top.sorted();
}

/** Chunk rowids scored together by {@link scorePostings}. */
export const scoreWindow = 4096;

/**
 * A bounded min-heap of (chunk, score), worst at the root. Chunks arrive in ascending order, so a score equal to
 * the worst kept one loses the tie (higher rowid): the caller offers only scores above `floor` (the root's score once
 * the heap is full), which rejects most chunks with one comparison and no call.
 */
function _topChunks(k: number) {
  const chunks = new Float64Array(k);
  const scores = new Float64Array(k);
  let size = 0;
  const worse = (i: number, j: number) => scores[i]! < scores[j]! || (scores[i] === scores[j] && chunks[i]! > chunks[j]!);
  const swap = (i: number, j: number) => {
    const c = chunks[i]!, s = scores[i]!;
    chunks[i] = chunks[j]!;
    scores[i] = scores[j]!;
    chunks[j] = c;
    scores[j] = s;
  };
  const top = {
    floor: k > 0 ? -Infinity : Infinity,
    offer(chunk: number, score: number): void {
      let i = size < k ? size++ : 0;
      chunks[i] = chunk;
      scores[i] = score;
      if (i > 0) {
        for (let parent = (i - 1) >> 1; i > 0 && worse(i, parent); i = parent, parent = (i - 1) >> 1) swap(i, parent);
      } else {
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < size && worse(l, m)) m = l;
          if (r < size && worse(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      if (size === k) top.floor = scores[0]!;
    },
    sorted(): Array<{ chunkRowid: number; score: number }> {
      const out = Array.from({ length: size }, (_, i) => ({ chunkRowid: chunks[i]!, score: scores[i]! }));
      return out.sort((x, y) => y.score - x.score || x.chunkRowid - y.chunkRowid);
    },
  };
  return top;
}

/** Σ over the query's distinct terms present in the index of (occurrences in the query) · idf · (k1 + 1). */
export function maxKeywordScore(weights: Map<string, number>, dfs: Map<string, number>, chunks: number, k1: number): number {
  let maxScore = 0;
  for (const [term, weight] of weights) {
    const df = dfs.get(term) ?? 0;
    if (df > 0) maxScore += weight * Math.log(1 + (chunks - df + 0.5) / (df + 0.5)) * (k1 + 1);
  }
  return maxScore;
}

// Lucene stores a document's length in one byte (SmallFloat.intToByte4) and scores with the decoded value.
const freeValues = 255 - _longToInt4(2 ** 31 - 1);

/** Lucene's one-byte length norm (SmallFloat.intToByte4). */
export function luceneNormByte(length: number): number {
  return length < freeValues ? length : freeValues + _longToInt4(length - freeValues);
}

/** The decoded length of each norm byte (SmallFloat.byte4ToInt). */
const normLengths = Float64Array.from({ length: 256 }, (_, n) => (n < freeValues ? n : freeValues + _int4ToLong(n - freeValues)));

/** The document length Lucene's BM25 scores with after its lossy one-byte encoding. */
export function luceneLength(length: number): number {
  return normLengths[luceneNormByte(length)]!;
}

function _longToInt4(i: number): number {
  const bits = Math.floor(Math.log2(i)) + 1;
  if (bits < 4) return i;
  const shift = bits - 4;
  return ((Math.floor(i / 2 ** shift) & 0x07) | ((shift + 1) << 3)) >>> 0;
}

function _int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}
