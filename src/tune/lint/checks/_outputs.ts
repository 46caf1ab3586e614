import { jaccard, normalizeText } from '../near-duplicates.js';

/** Two answers agree when their word sets overlap by at least half (word-unigram shingles). */
export function outputsAgree(a: Int32Array, b: Int32Array): boolean {
  return jaccard(a, b) >= 0.5;
}

/** A short answer (≤ 4 words) that looks like a class label. */
export function isLabel(output: string): boolean {
  const n = normalizeText(output);
  return n.length > 0 && n.length <= 40 && n.split(' ').length <= 4;
}
