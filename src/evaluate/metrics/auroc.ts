import { FathomError } from '../../util/errors.js';

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half (Mann–Whitney U with midranks). NaN when either class is empty.
 */
export function auroc(scores: readonly number[], labels: readonly (boolean | 0 | 1)[]): number {
  if (scores.length !== labels.length) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `auroc needs one label per score: got ${scores.length} scores and ${labels.length} labels.`, details: { scores: scores.length, labels: labels.length } });
  }
  const order = scores.map((score, i) => ({ score, positive: Boolean(labels[i]) })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.score === order[i]!.score) j++;
    const midrank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) if (order[t]!.positive) { positives++; rankSum += midrank; }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
