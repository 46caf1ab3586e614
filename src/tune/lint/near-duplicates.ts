/**
 * Near-duplicate machinery shared by lint, split and dedupe: folded text, hashed word-3-gram shingles with
 * exact Jaccard, and candidate pairs from the project's one MinHash (`util/text/minhash.ts`: one-permutation
 * MinHash with densification) banded for LSH, confirmed by exact Jaccard.
 */
import { lshBands, minhashSignature } from '../../util/text/minhash.js';

/** Lowercase, strip punctuation, collapse whitespace: the comparison key of short texts (labels, prompts). */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Hashes of the lowercased words of `text` (punctuation ignored; the same words `util/text/minhash` shingles). */
export function wordHashes(text: string): Int32Array {
  const out: number[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) out.push(fnv1a(m[0]));
  return Int32Array.from(out);
}

/** Sorted unique hashes of the word n-grams (default 3) of `text` or its {@link wordHashes}; one shingle when shorter than n. */
export function shingles(text: string | Int32Array, n = 3): Int32Array {
  const words = typeof text === 'string' ? wordHashes(text) : text;
  const out = new Set<number>();
  if (words.length < n) {
    if (words.length > 0) out.add(words.reduce((h, w) => fmix(Math.imul(h, 31) + w), 7));
  } else {
    for (let i = 0; i + n <= words.length; i += 1) {
      let h = 7;
      for (let j = 0; j < n; j += 1) h = fmix(Math.imul(h, 31) + words[i + j]!);
      out.add(h);
    }
  }
  return Int32Array.from(out).sort();
}

/** Size of the intersection of two sorted hash arrays. */
export function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { n += 1; i += 1; j += 1; } else if (a[i]! < b[j]!) i += 1; else j += 1;
  }
  return n;
}

/** Jaccard similarity of two shingle sets (1 when both are empty). */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const n = overlap(a, b);
  return n / (a.length + b.length - n);
}

const SIGNATURE = 64;

/** Options of {@link findSimilarPairs}. */
export interface FindSimilarPairsOptions {
  /** The texts (their word 3-grams are MinHashed for candidates). */
  texts: string[];
  /** `shingles(texts[i])` (or of the same words): exact Jaccard confirms each candidate. */
  sets: Int32Array[];
  /** Minimum Jaccard similarity. @default 0.7 */
  threshold?: number;
  /**
   * LSH bands over the 64-value signature. 16 bands of 4 rows make a pair a candidate with probability
   * 1 − (1 − J⁴)¹⁶: 0.99 at J = 0.7, 0.62 at 0.5. @default 16
   */
  bands?: number;
}

/** Pairs [i, j, similarity] (i < j) whose exact Jaccard similarity reaches `threshold`, from MinHash LSH candidates. */
export function findSimilarPairs({ texts, sets, threshold = 0.7, bands = 16 }: FindSimilarPairsOptions): Array<[number, number, number]> {
  const buckets = new Map<string, number[]>();
  const strided = new Uint32Array(SIGNATURE);
  const rows = SIGNATURE / bands;
  texts.forEach((text, idx) => {
    if (sets[idx]!.length === 0) return;
    // Densification fills a short text's empty bins from its neighbours, so consecutive positions often come
    // from one shingle: band strided positions (b, b + bands, …) instead, each from a different stretch.
    const sig = minhashSignature(text, { shingleSize: 3, numHashes: SIGNATURE });
    for (let b = 0; b < bands; b += 1) for (let r = 0; r < rows; r += 1) strided[b * rows + r] = sig[r * bands + b]!;
    for (const key of lshBands(strided, bands)) {
      const list = buckets.get(key);
      if (list) list.push(idx); else buckets.set(key, [idx]);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number, number]> = [];
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x]!, j = list[y]!;
        const id = i * texts.length + j;
        if (seen.has(id)) continue;
        seen.add(id);
        const sim = jaccard(sets[i]!, sets[j]!);
        if (sim >= threshold) pairs.push([i, j, sim]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Connected components of `pairs` over `n` items (items without pairs are singletons). Returns a group id per item. */
export function groupPairs(n: number, pairs: Array<[number, number, ...unknown[]]>): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; }
    return x;
  };
  for (const [i, j] of pairs) {
    const a = find(i), b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  return parent.map((_, i) => find(i));
}
