import { contentTerms } from '../../../util/text/content-terms.js';
import { _claims, _support } from './lexical-terms.js';

/** Input of {@link faithfulness}. */
export interface FaithfulnessInput {
  /** The answer text (`[n]` markers are ignored). */
  answer: string;
  /** Texts the model was given. */
  passages: readonly string[];
  /** Smallest share of a claim's content terms found in one passage for the claim to count as supported. @default 0.6 */
  threshold?: number;
}

/** Output of {@link faithfulness}. */
export interface FaithfulnessResult {
  /** Supported claims / claims; undefined when the answer has no claims or no passages were given. */
  score: number | undefined;
  claims: Array<{ claim: string; support: number; supported: boolean }>;
}

/**
 * Faithfulness (lexical): the answer is split into sentences (claims); a claim is supported when at least
 * `threshold` of its content terms (analysed: stop words removed, stemmed) occur in one given passage.
 * Score = supported claims / claims. A judge-based variant is `judge.faithfulness` in `evaluate()`.
 */
export function faithfulness({ answer, passages, threshold = 0.6 }: FaithfulnessInput): FaithfulnessResult {
  const claims = _claims(answer);
  if (claims.length === 0 || passages.length === 0) return { score: undefined, claims: [] };
  const sets = passages.map(contentTerms);
  const judged = claims.map((claim) => {
    const terms = contentTerms(claim);
    const support = Math.max(0, ...sets.map((p) => _support(terms, p)));
    return { claim, support, supported: support >= threshold };
  });
  return { score: judged.filter((c) => c.supported).length / judged.length, claims: judged };
}
