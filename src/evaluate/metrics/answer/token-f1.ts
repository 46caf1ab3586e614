import { _answerTokens } from './normalize-answer.js';

/** Input of {@link tokenF1}. */
export interface TokenF1Input {
  prediction: string;
  references: readonly string[];
}

/**
 * Token F1 (SQuAD): harmonic mean of precision and recall of the bag of normalised tokens shared by the
 * prediction and a reference; the maximum over references. When either side has no tokens, 1 if both
 * are empty else 0. With no references, the empty-reference rule applies (SQuAD 2.0 no-answer).
 */
export function tokenF1({ prediction, references }: TokenF1Input): number {
  const p = _answerTokens(prediction);
  const refs = references.length === 0 ? [''] : references;
  let best = 0;
  for (const ref of refs) best = Math.max(best, _f1(p, _answerTokens(ref)));
  return best;
}

function _f1(pred: string[], gold: string[]): number {
  if (pred.length === 0 || gold.length === 0) return pred.length === gold.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of gold) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of pred) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / pred.length;
  const recall = same / gold.length;
  return (2 * precision * recall) / (precision + recall);
}
