import { analyze } from './analyzer.js';
import { contentStopWords } from './stopwords.js';

const marker = /\[\d+\]/g;

/**
 * The distinct content terms of a text: analyzer terms (Unicode words, possessives removed, Porter stems) with
 * citation markers (`[1]`) and {@link contentStopWords} dropped. Used to compare claims, passages and questions.
 */
export function contentTerms(text: string): Set<string> {
  return new Set(analyze(text.replace(marker, ' '), { stopWords: contentStopWords }));
}
