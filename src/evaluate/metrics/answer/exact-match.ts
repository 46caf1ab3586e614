import { normalizeAnswer } from './normalize-answer.js';

/** Input of {@link exactMatch}. */
export interface ExactMatchInput {
  prediction: string;
  /** Acceptable answers; any match counts. */
  references: readonly string[];
}

/**
 * Exact match (SQuAD): 1 when the normalised prediction equals any normalised reference, else 0.
 * With no references, 1 iff the prediction normalises to the empty string (SQuAD 2.0 no-answer).
 */
export function exactMatch({ prediction, references }: ExactMatchInput): number {
  const p = normalizeAnswer(prediction);
  if (references.length === 0) return p.length === 0 ? 1 : 0;
  return references.some((r) => normalizeAnswer(r) === p) ? 1 : 0;
}
