import { analyze } from '../util/text/analyzer.js';
import { _answerType, _candidates } from '../util/text/answer-types.js';
import { _copulaSpan } from './_copula-span.js';
import { _questionTerms } from './_question-terms.js';
import { _scoreSpans, _words } from './_score-spans.js';

/** Options of {@link extractAnswerSpan}. */
export interface ExtractAnswerSpanOptions {
  question: string;
  /** The sentence the answer is taken from. */
  sentence: string;
}

/**
 * The short phrase of `sentence` that answers `question` (the SQuAD-style span scored by EM/F1): for "when" and
 * "how many/much" questions the date or number not already in the question that is nearest to the question's
 * terms; otherwise the best span of a linear span model (runs of up to 10 words without the question's own
 * words, scored by nearness to them, cue words such as "is"/"called"/"by", phrase boundaries, capitalisation,
 * the question's head noun and the asked-for type). Undefined when the sentence has nothing beyond the
 * question's own words.
 */
export function extractAnswerSpan({ question, sentence }: ExtractAnswerSpanOptions): string | undefined {
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
  // Dates and numbers: the typed phrase nearest the question's words. Names, places and everything else: the
  // best span of the learned span model (which also prefers phrases of the asked-for type).
  if (typed.length > 0 && (type === 'date' || type === 'number')) {
    const best = typed.sort((a, b) => distance(a.start, a.end) - distance(b.start, b.end) || a.start - b.start)[0]!;
    // "How long / far / old …" asks for a quantity with its unit: "35 days", not "35".
    const unit = type === 'number' && /\bhow\s+(?:long|far|old|often|high|tall|wide|deep|heavy|large|big)\b/i.test(question) ? UNIT.exec(sentence.slice(best.end)) : null;
    return unit ? sentence.slice(best.start, best.end + unit[0].length) : best.text;
  }
  // "What is the term for …": the name or the subject of a copular sentence about the question's words.
  const copula = type === 'other' ? _copulaSpan(sentence, qSet) : undefined;
  if (copula) return copula;
  const scored = _words(sentence, qSet);
  const span = _scoreSpans(scored, _headNoun(question), undefined, typed);
  return span ? sentence.slice(scored[span.a]!.start, scored[span.b]!.end) : typed[0]?.text;
}

const UNIT = /^[\s-]?(?:(?:milli|centi|kilo)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|metres?|meters?|miles?|feet|foot|inches?|yards?|km|m|cm|mm|kg|g|tonnes?|tons?|pounds?|lbs?|grams?|kilograms?|times)(?:\s+(?:old|long|a\s+\w+|per\s+\w+))?)\b/i;

/** The noun a "what/which …" question asks about ("what church …" → church), as an analysed term. */
function _headNoun(question: string): string | undefined {
  const m = /(?:what|which)\s+(?:kind of |type of |sort of )?([\p{L}-]+)/iu.exec(question);
  const term = m ? analyze(m[1]!)[0] : undefined;
  return term && !['is', 'was', 'are', 'were', 'did', 'does', 'do', 'has', 'have', 'can'].includes(m![1]!.toLowerCase()) ? term : undefined;
}
