import { _answerType, _candidates } from '../util/text/answer-types.js';
import { _candidateSpans, _spanFeatures, _words, SPAN_WEIGHTS } from './_score-spans.js';
import { extractAnswerSpan } from './extract-answer-span.js';

// "the EU and US regions", "on Business and on Enterprise": two things asked about at once.
const PAIR = /\b([\p{L}\p{N}][\p{L}\p{N}-]*)\s+(?:and|or)\s+(?:(?:on|in|for|at|the)\s+)?([\p{L}\p{N}][\p{L}\p{N}-]*)/u;
const PARALLEL_BONUS = 1;

/**
 * The answer to a question about two things at once ("Where are the EU and US data regions?"), from a sentence
 * that names both in the same order: the sentence is cut into one clause per thing (at the last "and", comma or
 * semicolon between them), each clause gives its own span, and the second clause prefers the span in the same
 * position as the first (after the same word or bracket: "(Frankfurt) … (Ohio)"). Undefined when the question
 * is not of that shape or a clause has no answer.
 */
export function _coordinatedSpan({ question, sentence, qSet }: { question: string; sentence: string; qSet: ReadonlySet<string> }): string | undefined {
  const m = PAIR.exec(question);
  if (!m) return undefined;
  const a = _find(sentence, m[1]!, 0);
  const b = a < 0 ? -1 : _find(sentence, m[2]!, a + m[1]!.length);
  if (a < 0 || b < 0) return undefined;
  const between = sentence.slice(a + m[1]!.length, b);
  const cut = Math.max(between.lastIndexOf(' and '), between.lastIndexOf(','), between.lastIndexOf(';'));
  if (cut < 0) return undefined;
  const split = a + m[1]!.length + cut;
  const start = Math.max(0, ...[':', ';'].map((p) => sentence.lastIndexOf(p, a) + 1));
  const first = sentence.slice(start, split);
  const rest = sentence.slice(split).replace(/^[\s,;]*(?:and\s+)?/, '');
  const second = rest.slice(0, (rest.search(/[;]|\.\s|\.$/) + 1 || rest.length + 1) - 1);
  const type = _answerType(question);
  const typed = type === 'date' || type === 'number';
  if (typed && (_candidates(first, type).length === 0 || _candidates(second, type).length === 0)) return undefined;
  const span1 = extractAnswerSpan({ question, sentence: first });
  if (!span1) return undefined;
  const span2 = typed ? extractAnswerSpan({ question, sentence: second }) : _parallel(second, qSet, _leftOf(first, first.indexOf(span1)), /\d/.test(span1));
  return span2 && span2 !== span1 ? `${span1} and ${span2}` : undefined;
}

/** The best span of the clause by the span model (with digits iff the first span has them), with a bonus for the same left neighbour as the first span. */
function _parallel(clause: string, qSet: ReadonlySet<string>, left: string, digits: boolean): string | undefined {
  const words = _words(clause, qSet);
  const anchors = words.map((w, i) => (w.inQuestion ? i : -1)).filter((i) => i >= 0);
  let best: { text: string; score: number } | undefined;
  for (const c of _candidateSpans(words, undefined)) {
    if (/\d/.test(clause.slice(words[c.a]!.start, words[c.b]!.end)) !== digits) continue;
    const f = _spanFeatures(words, c.a, c.b, undefined, anchors);
    let score = f.reduce((s, x, i) => s + x * (SPAN_WEIGHTS[i] ?? 0), 0);
    if (left !== '' && _leftOf(clause, words[c.a]!.start) === left) score += PARALLEL_BONUS;
    if (!best || score > best.score) best = { text: clause.slice(words[c.a]!.start, words[c.b]!.end), score };
  }
  return best?.text;
}

/** What stands just left of position `at`: a bracket or punctuation mark, else the previous word (lowercased). */
function _leftOf(text: string, at: number): string {
  const before = text.slice(0, Math.max(0, at)).trimEnd();
  const last = before.slice(-1);
  if (last === '' || /[\p{L}\p{N}]/u.test(last)) return (/([\p{L}\p{N}-]+)$/u.exec(before)?.[1] ?? '').toLowerCase();
  return last;
}

/** Index of `word` as a whole word (same case) at or after `from`, -1 when absent. */
function _find(text: string, word: string, from: number): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}
