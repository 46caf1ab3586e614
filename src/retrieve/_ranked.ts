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
