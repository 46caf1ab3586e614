import { contentTerms } from '../../../util/text/content-terms.js';
import type { Answer } from '../../../spec/answer.js';
import { _claims, _support } from './lexical-terms.js';

/** Input of {@link contextUtilisation}. */
export interface ContextUtilisationInput {
  answer: Pick<Answer, 'text' | 'sources' | 'citations' | 'abstained'>;
  /** Support a claim needs from a source for the source to count as used without a citation. @default 0.6 */
  threshold?: number;
}

/**
 * Context utilisation: share of the sources given to the model that the answer uses — a source is used
 * when a valid citation names it or when it lexically supports (≥ `threshold` of the content terms) at
 * least one answer claim. Undefined when no sources were given or the answer abstained.
 */
export function contextUtilisation({ answer, threshold = 0.6 }: ContextUtilisationInput): number | undefined {
  if (answer.sources.length === 0 || answer.abstained) return undefined;
  const cited = new Set(answer.citations.filter((c) => c.valid).map((c) => c.n));
  const claims = _claims(answer.text).map(contentTerms);
  let used = 0;
  for (const source of answer.sources) {
    if (cited.has(source.n)) used++;
    else {
      const terms = contentTerms(source.text);
      if (claims.some((c) => _support(c, terms) >= threshold)) used++;
    }
  }
  return used / answer.sources.length;
}
