import { analyze, tokenize } from '../util/text/analyzer.js';

// Question words, fillers and task words ("summarise … in one sentence with a citation") that say what is asked
// or how to answer, not what the answer mentions.
const QUESTION_WORDS = new Set(analyze('what which who whom whose when where why how many much long often did does do done name named called type kind year years used use one summarise summarize summary sentence sentences citation citations cite give list describe explain briefly tell short words', { stopWords: new Set() }));

/** The question's salient terms (analysed, stop and question words removed), each with one surface word for per-term statistics. */
export function _salientTerms(question: string): Array<{ term: string; word: string }> {
  const out = new Map<string, string>();
  for (const word of tokenize(question)) {
    const term = analyze(word)[0];
    if (term && !QUESTION_WORDS.has(term) && !out.has(term)) out.set(term, word);
  }
  return [...out].map(([term, word]) => ({ term, word }));
}
