import type { Hit } from '../spec/hit.js';
import { cosine } from '../util/math/vector-math.js';

/** Options of {@link mmr}. */
export interface MmrSelectOptions {
  /** Candidates, best first. */
  hits: readonly Hit[];
  queryVector: Float32Array;
  /** One vector per hit, aligned with `hits`. */
  vectors: readonly Float32Array[];
  /** @default 0.7 */
  lambda?: number;
  /** Hits to select. @default hits.length */
  topK?: number;
}

/**
 * Maximal marginal relevance (Carbonell & Goldstein 1998): repeatedly picks the candidate maximising
 * λ·cos(q, d) − (1 − λ)·max over already selected s of cos(d, s). Ties go to the earlier candidate.
 * `stages.mmr.score` is the marginal score at the moment the hit was picked.
 */
export function mmr({ hits, queryVector, vectors, lambda = 0.7, topK = hits.length }: MmrSelectOptions): Hit[] {
  const relevance = vectors.map((v) => cosine(queryVector, v));
  const maxSim = new Array<number>(hits.length).fill(-Infinity);
  const picked = new Array<boolean>(hits.length).fill(false);
  const out: Hit[] = [];
  for (let step = 0; step < Math.min(topK, hits.length); step++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < hits.length; i++) {
      if (picked[i]) continue;
      const redundancy = out.length === 0 ? 0 : maxSim[i]!;
      const score = lambda * relevance[i]! - (1 - lambda) * redundancy;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    picked[best] = true;
    const hit = hits[best]!;
    out.push({ ...hit, score: bestScore, stages: { ...hit.stages, mmr: { score: bestScore, rank: step + 1 } } });
    for (let i = 0; i < hits.length; i++) if (!picked[i]) maxSim[i] = Math.max(maxSim[i]!, cosine(vectors[i]!, vectors[best]!));
  }
  return out;
}
