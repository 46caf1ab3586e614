/**
 * Lucene's English stop-word set (`EnglishAnalyzer.ENGLISH_STOP_WORDS_SET`), the one Lucene's and
 * Anserini/Pyserini's BM25 baselines use.
 */
export const englishStopWords: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was',
  'will', 'with',
]);
