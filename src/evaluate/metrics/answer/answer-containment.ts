import { normalizeAnswer } from './normalize-answer.js';

/** Input of {@link answerContainment}. */
export interface AnswerContainmentInput {
  prediction: string;
  references: readonly string[];
}

/**
 * Answer containment: 1 when some non-empty normalised reference occurs in the normalised prediction as a
 * whole-token sequence ("$54 per seat" contains "$54"), else 0. 0 with no references.
 */
export function answerContainment({ prediction, references }: AnswerContainmentInput): number {
  const p = ` ${normalizeAnswer(prediction)} `;
  for (const r of references) {
    const n = normalizeAnswer(r);
    if (n.length > 0 && p.includes(` ${n} `)) return 1;
  }
  return 0;
}
