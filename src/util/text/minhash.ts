/**
 * MinHash signatures over word shingles, with LSH banding, for near-duplicate detection.
 *
 * 64 signature positions in 8 bands of 8 rows: two documents become candidates when any band matches, which
 * happens with probability 1 − (1 − J⁸)⁸ (≈ 0.98 at Jaccard 0.85, ≈ 0.03 at 0.5); candidates are then
 * confirmed by the estimated Jaccard (share of equal signature values).
 */

export interface MinHashOptions {
  /** Words per shingle. @default 5 */
  shingleSize?: number;
  /** Number of hash functions; must be bands × rows. @default 64 */
  numHashes?: number;
  /** @default 8 */
  bands?: number;
}

const SEEDS = (() => {
  const seeds = new Uint32Array(256);
  let x = 0x9e3779b9;
  for (let i = 0; i < seeds.length; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
    x = (x ^ (x >>> 12)) >>> 0;
    seeds[i] = x;
  }
  return seeds;
})();

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes of the distinct word shingles of `text` (lower-cased, punctuation ignored). */
export function shingleHashes(text: string, shingleSize = 5): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < shingleSize) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + shingleSize <= words.length; i++) out.add(fnv1a(words.slice(i, i + shingleSize).join(' ')));
  return out;
}

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava 2017): each shingle
 * is hashed once and lands in one of `numHashes` bins, keeping the bin's minimum; an empty bin borrows the next
 * non-empty bin's value (mixed with the distance, so borrowed values stay comparable between documents). Same
 * estimator as classic MinHash — the share of equal positions estimates Jaccard — at 1/numHashes of the cost.
 */
export function minhashSignature(text: string, { shingleSize = 5, numHashes = 64 }: MinHashOptions = {}): Uint32Array {
  const EMPTY = 0xffffffff;
  const signature = new Uint32Array(numHashes).fill(EMPTY);
  for (const h of shingleHashes(text, shingleSize)) {
    const bin = mix(h ^ 0x5bd1e995) % numHashes;
    const value = mix(h);
    if (value < signature[bin]!) signature[bin] = value;
  }
  if (signature.every((v) => v === EMPTY)) return signature;
  const dense = new Uint32Array(signature);
  for (let i = 0; i < numHashes; i++) {
    if (signature[i] !== EMPTY) continue;
    let d = 1;
    while (signature[(i + d) % numHashes] === EMPTY) d++;
    dense[i] = mix(signature[(i + d) % numHashes]! ^ SEEDS[d]!);
  }
  return dense;
}

/** LSH band keys (`band:hash`) of a signature. */
export function lshBands(signature: Uint32Array, bands = 8): string[] {
  const rows = signature.length / bands;
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = mix(h ^ signature[b * rows + r]!);
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of equal signature positions. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
