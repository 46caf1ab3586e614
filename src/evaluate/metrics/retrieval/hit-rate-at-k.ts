import { _isRelevant, type RankedJudgments } from './_judged.js';

/** Hit rate@k (trec_eval `success.k`): 1 when any relevant document is in the top k, else 0. */
export function hitRateAtK({ ranked, judgments, k, relevanceLevel = 1 }: RankedJudgments): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (_isRelevant(judgments, ranked[i]!, relevanceLevel)) return 1;
  return 0;
}
