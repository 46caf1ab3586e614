import { analyze } from '../util/analyzer.js';
import { englishStopWords } from '../util/stopwords.js';
import { _answerType, _candidates } from '../util/answer-types.js';
import { _questionTerms } from './_question-terms.js';

/** Options of {@link extractAnswerSpan}. */
export interface ExtractAnswerSpanOptions {
  question: string;
  /** The sentence the answer is taken from. */
  sentence: string;
  /** Longest span returned for untyped questions, in words. @default 6 */
  maxWords?: number;
}

/**
 * The shortest phrase of `sentence` that answers `question` (SQuAD-style span, for EM/F1): a phrase of the
 * asked-for type (date, number, name, place) not already in the question, nearest to the question's terms
 * in the sentence; otherwise the run of words not in the question next to them. Undefined when the
 * sentence has nothing beyond the question's own words.
 */
export function extractAnswerSpan({ question, sentence, maxWords = 6 }: ExtractAnswerSpanOptions): string | undefined {
  const qSet = new Set(_questionTerms(question));
  const words = [...sentence.matchAll(/[\p{L}\p{N}$€£][\p{L}\p{N}\p{M}'’.,%$-]*/gu)].map((m) => {
    const text = m[0].replace(/[.,]+$/, '');
    return { text, start: m.index, end: m.index + text.length, term: analyze(text)[0] };
  });
  const anchors = words.filter((w) => w.term && qSet.has(w.term)).map((w) => (w.start + w.end) / 2);
  const distance = (start: number, end: number) => (anchors.length === 0 ? start : Math.min(...anchors.map((a) => (a < start ? start - a : a > end ? a - end : 0))));
  const type = _answerType(question);
  const typed = _candidates(sentence, type).filter((c) => {
    const terms = analyze(c.text);
    return terms.length === 0 ? /\d/.test(c.text) : !terms.every((t) => qSet.has(t));
  });
  if (typed.length > 0) return typed.sort((a, b) => distance(a.start, a.end) - distance(b.start, b.end) || a.start - b.start)[0]!.text;

  // Untyped: runs of words that are not question terms, trimmed of stop words at the edges.
  const runs: Array<{ from: number; to: number }> = [];
  let from = -1;
  words.forEach((w, i) => {
    const inQuestion = w.term !== undefined && qSet.has(w.term);
    if (!inQuestion && from < 0) from = i;
    if (inQuestion && from >= 0) {
      runs.push({ from, to: i - 1 });
      from = -1;
    }
  });
  if (from >= 0) runs.push({ from, to: words.length - 1 });
  const isStop = (i: number) => englishStopWords.has(words[i]!.text.toLowerCase()) || /^(?:is|was|were|are|has|had|have|been|which|who|that)$/i.test(words[i]!.text);
  const spans = runs
    .map(({ from: a, to: b }) => {
      while (a <= b && isStop(a)) a++;
      while (b >= a && isStop(b)) b--;
      return { a, b };
    })
    .filter(({ a, b }) => a <= b);
  if (spans.length === 0) return undefined;
  const best = spans.sort((x, y) => distance(words[x.a]!.start, words[x.b]!.end) - distance(words[y.a]!.start, words[y.b]!.end) || x.a - y.a)[0]!;
  // Prefer the words closest to the question's terms when the run is long.
  let { a, b } = best;
  if (b - a + 1 > maxWords) {
    const nearStart = distance(words[a]!.start, words[a]!.end) <= distance(words[b]!.start, words[b]!.end);
    if (nearStart) b = a + maxWords - 1;
    else a = b - maxWords + 1;
  }
  return sentence.slice(words[a]!.start, words[b]!.end);
}
