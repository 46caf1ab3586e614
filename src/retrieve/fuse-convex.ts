import type { Hit } from '../spec/hit.js';
import { _rankStage } from './_ranked.js';
import { normalizeScores } from './normalize-scores.js';

/** Options of {@link fuseConvex}. */
export interface FuseConvexOptions {
  bm25: readonly Hit[];
  vector: readonly Hit[];
  /** Weight of the vector score. @default 0.5 */
  alpha?: number;
  /** @default 'minmax' */
  normalization?: 'minmax' | 'zscore';
}

/**
 * Convex combination: alpha·norm(vector) + (1 − alpha)·norm(bm25), each list normalised on its own
 * scores; a chunk missing from a list contributes 0 for it. Returns the union with `stages.fused`.
 */
export function fuseConvex({ bm25, vector, alpha = 0.5, normalization = 'minmax' }: FuseConvexOptions): Hit[] {
  const merged = new Map<string, { hit: Hit; score: number }>();
  const add = (list: readonly Hit[], weight: number) => {
    const normalized = normalizeScores(list.map((h) => h.score), normalization);
    list.forEach((hit, i) => {
      const entry = merged.get(hit.chunk.id);
      const part = weight * normalized[i]!;
      if (entry) {
        entry.score += part;
        entry.hit = { ...entry.hit, stages: { ...entry.hit.stages, ...hit.stages }, vector: entry.hit.vector ?? hit.vector };
      } else {
        merged.set(hit.chunk.id, { hit, score: part });
      }
    });
  };
  add(bm25, 1 - alpha);
  add(vector, alpha);
  const entries = [...merged.values()];
  return _rankStage(entries.map((e) => e.hit), entries.map((e) => e.score), 'fused');
}
