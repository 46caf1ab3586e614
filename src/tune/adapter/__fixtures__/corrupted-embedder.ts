import type { EmbeddedItem } from '../measure-adapter-gain.js';
import { _rng } from '../_rng.js';

/** A deterministic synthetic setup: passages x_i, queries M·(x_i + noise) for a known invertible corruption M. */
export interface CorruptedSetup {
  dims: number;
  /** Row-major d×d corruption M = I + strength·G/√d (G standard normal). */
  corruption: Float32Array;
  corpus: EmbeddedItem[];
  /** `queries[i]` is relevant to `corpus[i]` only. */
  queries: EmbeddedItem[];
  qrels: Record<string, string[]>;
}

/** Builds a {@link CorruptedSetup}; the same options always give the same vectors. */
export function makeCorruptedSetup({ dims, count, seed = 7, strength = 2, noise = 0.3 }: { dims: number; count: number; seed?: number; strength?: number; noise?: number }): CorruptedSetup {
  const random = _rng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const M = new Float32Array(dims * dims);
  for (let i = 0; i < dims * dims; i++) M[i] = (strength * gauss()) / Math.sqrt(dims);
  for (let i = 0; i < dims; i++) M[i * dims + i] += 1;
  const corpus: EmbeddedItem[] = [];
  const queries: EmbeddedItem[] = [];
  const qrels: Record<string, string[]> = {};
  for (let n = 0; n < count; n++) {
    const x = new Float32Array(dims);
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += (x[i] = gauss()) ** 2;
    for (let i = 0; i < dims; i++) x[i] = x[i]! / Math.sqrt(norm);
    const noisy = x.map((v) => v + (noise * gauss()) / Math.sqrt(dims));
    const q = new Float32Array(dims);
    for (let i = 0; i < dims; i++) {
      let s = 0;
      for (let j = 0; j < dims; j++) s += M[i * dims + j]! * noisy[j]!;
      q[i] = s;
    }
    corpus.push({ id: `p${n}`, vector: x });
    queries.push({ id: `q${n}`, vector: q });
    qrels[`q${n}`] = [`p${n}`];
  }
  return { dims, corruption: M, corpus, queries, qrels };
}
