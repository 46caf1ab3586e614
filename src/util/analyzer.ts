/**
 * An English analyzer modelled on Lucene's `EnglishAnalyzer` (as used by Anserini/Pyserini BM25 baselines):
 * StandardTokenizer-like Unicode word segmentation → English possessive removal → lowercase → stop words
 * → Porter stemming (the `stemmer` package: Porter's reference C version, the same one Lucene ports).
 */
import { stemmer } from 'stemmer';
import { englishStopWords } from './stopwords.js';

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Words removed after lowercasing. @default Lucene's English stop-word set */
  stopWords?: ReadonlySet<string>;
  /** Apply Porter stemming. @default true */
  stem?: boolean;
}

// UAX#29-like words: letters/digits/marks/connectors, joined by MidLetter punctuation between letters
// ("can't", "e.g") and MidNum punctuation between digits ("1,000.5"). Han and Hiragana are one token per char.
const letter = String.raw`[^\P{L}\p{sc=Han}\p{sc=Hiragana}]`;
const wordChar = String.raw`(?:${letter}|[\p{M}\p{N}_])`;
const midLetter = String.raw`(?<=\p{L}\p{M}*)['’‘.:·\u2027\uFE13\uFE55\uFF07\uFF0E\uFF1A](?=\p{L})`;
const midNum = String.raw`(?<=\p{N})[,;.'’‘\u066B\u066C\uFE50\uFE54\uFF0C\uFF1B\uFF07\uFF0E](?=\p{N})`;
const tokenPattern = new RegExp(
  String.raw`${wordChar}+(?:(?:${midLetter}|${midNum})${wordChar}+)*|[\p{sc=Han}\p{sc=Hiragana}]`,
  'gu',
);
const possessive = /['’\uFF07][sS]$/;
const maxTokenLength = 255;

const stemCache = new Map<string, string>();
function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size > 200_000) stemCache.clear();
    stem = stemmer(word);
    stemCache.set(word, stem);
  }
  return stem;
}

/** Split text into raw words (no lowercasing or filtering), like Lucene's StandardTokenizer. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const word = match[0];
    if (word.length <= maxTokenLength) out.push(word);
    else for (let i = 0; i < word.length; i += maxTokenLength) out.push(word.slice(i, i + maxTokenLength));
  }
  return out;
}

/**
 * Analyze text into index terms, in order (duplicates kept). The same function must analyze documents and
 * queries.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): string[] {
  const { stopWords = englishStopWords, stem = true } = options;
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const lower = (possessive.test(word) ? word.slice(0, -2) : word).toLowerCase();
    if (lower.length === 0 || stopWords.has(lower)) continue;
    terms.push(stem ? cachedStem(lower) : lower);
  }
  return terms;
}
