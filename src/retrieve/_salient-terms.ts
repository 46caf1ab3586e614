import { analyze, tokenize } from '../util/text/analyzer.js';
import { questionWordTerms } from '../util/text/question-words.js';

/** The question's salient terms (analysed, stop and question words removed), each with one surface word for per-term statistics. */
export function _salientTerms(question: string): Array<{ term: string; word: string }> {
  const out = new Map<string, string>();
  for (const word of tokenize(question)) {
    const term = analyze(word)[0];
    if (term && !questionWordTerms().has(term) && !out.has(term)) out.set(term, word);
  }
  return [...out].map(([term, word]) => ({ term, word }));
}
