import type { Hit } from '../spec/hit.js';
import { _rankStage } from './_ranked.js';

/**
 * Reciprocal-rank fusion: each chunk scores Σ over the lists it appears in of 1 / (k + rank), rank
 * being its 1-based position in that list. The union is returned best first with `stages.fused`; each
 * hit keeps the stage entries (bm25, vector…) of every list it came from.
 */
export function fuseRrf({ lists, k = 60 }: { lists: readonly (readonly Hit[])[]; k?: number }): Hit[] {
  const merged = new Map<string, { hit: Hit; score: number }>();
  for (const list of lists) {
    list.forEach((hit, i) => {
      const entry = merged.get(hit.chunk.id);
      if (entry) {
        entry.score += 1 / (k + i + 1);
        entry.hit = { ...entry.hit, stages: { ...entry.hit.stages, ...hit.stages }, vector: entry.hit.vector ?? hit.vector };
      } else {
        merged.set(hit.chunk.id, { hit, score: 1 / (k + i + 1) });
      }
    });
  }
  const entries = [...merged.values()];
  return _rankStage(entries.map((e) => e.hit), entries.map((e) => e.score), 'fused');
}
