import { analyze } from '../util/text/analyzer.js';

// Question words and fillers that say what is asked, not what the answer mentions.
const QUESTION_WORDS = new Set(analyze('what which who whom whose when where why how many much did does do done name named called type kind year years used use one', { stopWords: new Set() }));

/** Distinct content terms of a question (analyzer terms minus question words). */
export function _questionTerms(question: string): string[] {
  return [...new Set(analyze(question))].filter((t) => !QUESTION_WORDS.has(t));
}
