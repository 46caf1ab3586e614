/**
 * Lucene's English stop-word set (`EnglishAnalyzer.ENGLISH_STOP_WORDS_SET`), the one Lucene's and
 * Anserini/Pyserini's BM25 baselines use.
 */
export const englishStopWords: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was',
  'will', 'with',
]);

/**
 * Words that carry no content a passage could support: Lucene's English stop words plus question words,
 * auxiliaries, pronouns and a few prepositions. The one list behind {@link contentTerms}.
 */
export const contentStopWords: ReadonlySet<string> = new Set([
  ...englishStopWords, 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'do', 'does', 'did',
  'can', 'could', 'should', 'would', 'has', 'have', 'had', 'i', 'we', 'you', 'my', 'our', 'your', 'from', 'about',
]);

/**
 * Question words, fillers and task words ("summarise … in one sentence with a citation") that say what is
 * asked or how to answer, not what the answer mentions; as written (analyse them to compare with terms).
 */
export const questionTaskWords: readonly string[] = (
  'what which who whom whose when where why how many much long often did does do done name named called type kind year years used use one '
  + 'summarise summarize summary sentence sentences citation citations cite give list describe explain briefly tell short words'
).split(' ');
