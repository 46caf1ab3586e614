import type { Citation } from '../../../spec/answer.js';

/** Input of {@link citationPrecision}. */
export interface CitationPrecisionInput {
  citations: readonly Pick<Citation, 'valid' | 'supported'>[];
}

/**
 * Citation precision: citations that are valid (name a source that was given) and supported (the cited
 * source supports the sentence) / all citations. Undefined when the answer has no citations.
 */
export function citationPrecision({ citations }: CitationPrecisionInput): number | undefined {
  if (citations.length === 0) return undefined;
  return citations.filter((c) => c.valid && c.supported).length / citations.length;
}
