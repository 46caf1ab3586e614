import { _isRelevant, type RankedJudgments } from './_judged.js';

/** Reciprocal rank cut at k (trec_eval `recip_rank` on a run truncated to k, `-M k`): 1 / rank of the first relevant, else 0. */
export function mrrAtK({ ranked, judgments, k, relevanceLevel = 1 }: RankedJudgments): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (_isRelevant(judgments, ranked[i]!, relevanceLevel)) return 1 / (i + 1);
  return 0;
}
