/**
 * An English analyzer modelled on Lucene's `EnglishAnalyzer` (as used by Anserini/Pyserini BM25 baselines):
 * StandardTokenizer-like Unicode word segmentation → English possessive removal → lowercase → stop words
 * → Porter stemming (the `stemmer` package: Porter's reference C version, the same one Lucene ports).
 */
import { stemmer } from 'stemmer';
import { englishStopWords } from './stopwords.js';
import { _scanWords } from './_word-scanner.js';

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Words removed after lowercasing. @default Lucene's English stop-word set */
  stopWords?: ReadonlySet<string>;
  /** Apply Porter stemming. @default true */
  stem?: boolean;
}

const possessive = /['’\uFF07][sS]$/;
// Raw word → term ('' when dropped), for the default pipeline: one map lookup per token.
const termCache = new Map<string, string>();

function _term(word: string, stopWords: ReadonlySet<string>, stem: boolean): string {
  const lower = (possessive.test(word) ? word.slice(0, -2) : word).toLowerCase();
  if (lower.length === 0 || stopWords.has(lower)) return '';
  return stem ? stemmer(lower) : lower;
}

/** Split text into raw words (no lowercasing or filtering), like Lucene's StandardTokenizer. */
export function tokenize(text: string): string[] {
  return _scanWords(text);
}

/**
 * Analyze text into index terms, in order (duplicates kept). The same function must analyze documents and
 * queries.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): string[] {
  const { stopWords = englishStopWords, stem = true } = options;
  const cached = stopWords === englishStopWords && stem;
  const terms: string[] = [];
  for (const word of _scanWords(text)) {
    let term = cached ? termCache.get(word) : undefined;
    if (term === undefined) {
      term = _term(word, stopWords, stem);
      if (cached) {
        if (termCache.size >= 500_000) termCache.clear();
        termCache.set(word, term);
      }
    }
    if (term.length > 0) terms.push(term);
  }
  return terms;
}
