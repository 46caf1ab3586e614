import type { Hit, StageName } from '../spec/hit.js';

/**
 * Sorts hits by `scores` (descending; ties by chunk id for determinism) and records the stage: each
 * returned hit is a copy with `stages[name] = { score, rank }` and `score` set to the stage score.
 */
export function _rankStage(hits: readonly Hit[], scores: readonly number[], name: StageName): Hit[] {
  const order = hits.map((hit, i) => ({ hit, score: scores[i]! }));
  order.sort((a, b) => (b.score !== a.score ? b.score - a.score : a.hit.chunk.id < b.hit.chunk.id ? -1 : a.hit.chunk.id > b.hit.chunk.id ? 1 : 0));
  return order.map(({ hit, score }, i) => ({ ...hit, score, stages: { ...hit.stages, [name]: { score, rank: i + 1 } } }));
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function _cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
