import { mulberry32 } from '../../util/math/random.js';

/** Options of {@link pairedBootstrap}. */
export interface PairedBootstrapOptions {
  /** Per-item values of run A and run B, paired by index. */
  a: readonly number[];
  b: readonly number[];
  /** Resamples. @default 2000 */
  samples?: number;
  /** Seed of the resampling PRNG (mulberry32), for reproducible intervals. @default 0 */
  seed?: number;
}

/**
 * Paired bootstrap of the mean difference b − a: resample item indices with replacement `samples` times,
 * take the mean of (bᵢ − aᵢ) over each resample, and report the 2.5th and 97.5th percentiles (nearest-rank)
 * as the 95% interval. With fewer than 2 pairs the interval is the point estimate.
 */
export function pairedBootstrap({ a, b, samples = 2000, seed = 0 }: PairedBootstrapOptions): { delta: number; ci95: [number, number] } {
  const n = a.length;
  const d = a.map((x, i) => b[i]! - x);
  const delta = n === 0 ? 0 : d.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { delta, ci95: [delta, delta] };
  const rand = mulberry32(seed);
  const means = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[Math.floor(rand() * n)]!;
    means[s] = sum / n;
  }
  means.sort();
  const at = (q: number) => means[Math.min(samples - 1, Math.max(0, Math.ceil(q * samples) - 1))]!;
  return { delta, ci95: [at(0.025), at(0.975)] };
}
