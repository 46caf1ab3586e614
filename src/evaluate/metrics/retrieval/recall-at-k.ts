import { _isRelevant, _numRelevant, type RankedJudgments } from './_judged.js';

/** Recall@k as trec_eval `recall.k`: relevant retrieved in the top k / all relevant judged (0 when none). */
export function recallAtK({ ranked, judgments, k, relevanceLevel = 1 }: RankedJudgments): number {
  const numRel = _numRelevant(judgments, relevanceLevel);
  if (numRel === 0) return 0;
  let found = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (_isRelevant(judgments, ranked[i]!, relevanceLevel)) found++;
  return found / numRel;
}
