/**
 * Query-distribution divergence between two windows, each statistic with a permutation null (queries are shuffled
 * between the windows, so the test needs no independence between a query's terms and no distribution assumption):
 * - terms: Jensen–Shannon divergence (bits) of the query-term distributions, terms seen in fewer than `minTermCount`
 *   queries of both windows pooled into one "rare" bucket (names, ticket numbers: a steady trickle, not a topic);
 * - embeddings: squared distance between the centroids of the unit-normalised query embeddings (MMD² with a linear
 *   kernel).
 * The effect is the statistic minus its mean under the null (finite samples alone give a positive divergence; for the
 * squared distance the difference estimates the true squared shift), so one threshold holds for small and large
 * windows. Deterministic: a fixed seed.
 */
import { mulberry32, shuffle } from '../util/math/random.js';

/** Permutations before stopping early when the effect is below the threshold, and at most. */
const _early = 99;
const _max = 1999;

export interface _Divergence {
  statistic: number;
  /** Mean of the statistic under the null. */
  expected: number;
  pValue: number;
  n: { current: number; baseline: number };
}

/** Keep at most `cap` items (a seeded random subset, in the original order), so a huge log is tested in bounded time. */
export function _cap<T>(xs: T[], cap: number, seed: number): T[] {
  if (xs.length <= cap) return xs;
  const keep = shuffle(xs.map((_, i) => i), mulberry32(seed)).slice(0, cap).sort((a, b) => a - b);
  return keep.map((i) => xs[i]!);
}

/** `statistic(currentIndices)` over the pooled items: observed on the real split, then on random splits. */
function _permute(pooled: number, nCurrent: number, statistic: (current: Uint32Array) => number, threshold: number, seed: number): Omit<_Divergence, 'n'> {
  const index = Uint32Array.from({ length: pooled }, (_, i) => i);
  const observed = statistic(index.subarray(0, nCurrent));
  const random = mulberry32(seed);
  let sum = 0;
  let above = 0;
  let b = 0;
  while (b < _max) {
    for (let i = 0; i < nCurrent; i++) { // partial Fisher–Yates: the first nCurrent slots are a random current window
      const j = i + Math.floor(random() * (pooled - i));
      const t = index[i]!;
      index[i] = index[j]!;
      index[j] = t;
    }
    const s = statistic(index.subarray(0, nCurrent));
    sum += s;
    if (s >= observed) above++;
    b++;
    if (b === _early && observed - sum / b < threshold) break;
  }
  return { statistic: observed, expected: sum / b, pValue: (above + 1) / (b + 1) };
}

/** Jensen–Shannon divergence (bits) of the term distributions of two windows of queries (each a list of distinct terms). */
export function _termDivergence(current: string[][], baseline: string[][], o: { minTermCount: number; threshold: number; seed: number }): _Divergence {
  const queries = [...current, ...baseline];
  const df = new Map<string, number>();
  for (const q of queries) for (const w of q) df.set(w, (df.get(w) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [w, c] of df) if (c >= o.minTermCount) ids.set(w, ids.size + 1); // 0 = the rare bucket
  const K = ids.size + 1;
  const encoded = queries.map((q) => Uint32Array.from(q, (w) => ids.get(w) ?? 0));
  const total = new Float64Array(K);
  let totalMass = 0;
  for (const q of encoded) for (const k of q) { total[k]!++; totalMass++; }
  const cur = new Float64Array(K);
  const statistic = (sel: Uint32Array): number => {
    cur.fill(0);
    let m = 0;
    for (const i of sel) for (const k of encoded[i]!) { cur[k]!++; m++; }
    const n = totalMass - m;
    if (m === 0 || n === 0) return 0;
    let js = 0;
    for (let k = 0; k < K; k++) {
      const p = cur[k]! / m;
      const q = (total[k]! - cur[k]!) / n;
      const mid = (p + q) / 2;
      if (p > 0) js += 0.5 * p * Math.log2(p / mid);
      if (q > 0) js += 0.5 * q * Math.log2(q / mid);
    }
    return js;
  };
  return { ..._permute(queries.length, current.length, statistic, o.threshold, o.seed), n: { current: current.length, baseline: baseline.length } };
}

/** Squared Euclidean distance between the centroids of the unit-normalised embeddings of two windows of queries. */
export function _centroidShift(current: Float32Array[], baseline: Float32Array[], o: { threshold: number; seed: number }): _Divergence {
  const vectors = [...current, ...baseline].map((v) => {
    const norm = Math.hypot(...v) || 1;
    return Float64Array.from(v, (x) => x / norm);
  });
  const d = vectors[0]?.length ?? 0;
  const total = new Float64Array(d);
  for (const v of vectors) for (let k = 0; k < d; k++) total[k]! += v[k]!;
  const sum = new Float64Array(d);
  const statistic = (sel: Uint32Array): number => {
    sum.fill(0);
    for (const i of sel) for (let k = 0; k < d; k++) sum[k]! += vectors[i]![k]!;
    const m = sel.length;
    const n = vectors.length - m;
    if (m === 0 || n === 0) return 0;
    let s = 0;
    for (let k = 0; k < d; k++) s += (sum[k]! / m - (total[k]! - sum[k]!) / n) ** 2;
    return s;
  };
  return { ..._permute(vectors.length, current.length, statistic, o.threshold, o.seed), n: { current: current.length, baseline: baseline.length } };
}
