import { _isRelevant, type RankedJudgments } from './_judged.js';

/** Precision@k as trec_eval `P.k`: relevant in the top k / k — divided by k even when fewer were retrieved. */
export function precisionAtK({ ranked, judgments, k, relevanceLevel = 1 }: RankedJudgments): number {
  let found = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (_isRelevant(judgments, ranked[i]!, relevanceLevel)) found++;
  return found / k;
}
