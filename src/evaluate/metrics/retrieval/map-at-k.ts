import { _isRelevant, _numRelevant, type RankedJudgments } from './_judged.js';

/**
 * Average precision cut at k (trec_eval `map_cut.k`): Σ precision at each relevant rank ≤ k, divided by
 * the number of relevant judged documents (not by min(k, numRel)). 0 when the query has none.
 */
export function mapAtK({ ranked, judgments, k, relevanceLevel = 1 }: RankedJudgments): number {
  const numRel = _numRelevant(judgments, relevanceLevel);
  if (numRel === 0) return 0;
  let found = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (_isRelevant(judgments, ranked[i]!, relevanceLevel)) sum += ++found / (i + 1);
  }
  return sum / numRel;
}
