import { contentTerms } from '../../../util/text/content-terms.js';
import { _support } from './lexical-terms.js';

/** Input of {@link answerRelevance}. */
export interface AnswerRelevanceInput {
  question: string;
  answer: string;
}

/**
 * Answer relevance (lexical): share of the question's distinct content terms (analysed: stop words
 * removed, stemmed) that the answer mentions, [0, 1]. Undefined when the question or the answer has no
 * content terms. A judge-based variant is `judge.relevance` in `evaluate()`.
 */
export function answerRelevance({ question, answer }: AnswerRelevanceInput): number | undefined {
  const q = contentTerms(question);
  const a = contentTerms(answer);
  if (q.size === 0 || a.size === 0) return undefined;
  return _support(q, a);
}
