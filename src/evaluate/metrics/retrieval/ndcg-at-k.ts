import type { RankedJudgments } from './_judged.js';

/**
 * nDCG@k as trec_eval `ndcg_cut.k`: gain = the qrels grade as given (grades ≤ 0 gain nothing), discount
 * log2(rank + 1) with 1-based rank, ideal DCG from all judged documents of the query sorted by grade,
 * cut at k. 0 when the query has no positive grade.
 */
export function ndcgAtK({ ranked, judgments, k }: RankedJudgments): number {
  let dcg = 0;
  const n = Math.min(k, ranked.length);
  for (let i = 0; i < n; i++) {
    const gain = judgments.get(ranked[i]!) ?? 0;
    if (gain > 0) dcg += gain / Math.log2(i + 2);
  }
  const ideal = [...judgments.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i]! / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}
