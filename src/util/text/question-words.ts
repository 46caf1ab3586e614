import { analyze } from './analyzer.js';
import { questionTaskWords } from './stopwords.js';

let terms: ReadonlySet<string> | undefined;

/** {@link questionTaskWords} as analyzer terms (stemmed, no stop words dropped), built once. */
export function questionWordTerms(): ReadonlySet<string> {
  return (terms ??= new Set(analyze(questionTaskWords.join(' '), { stopWords: new Set() })));
}
