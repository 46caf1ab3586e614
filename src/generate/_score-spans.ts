import { analyze } from '../util/text/analyzer.js';
import { englishStopWords } from '../util/text/stopwords.js';

/** A word of the sentence with its offsets and what the span scorer needs to know about it. */
export interface _Word {
  text: string;
  start: number;
  end: number;
  term?: string;
  /** Its analysed term is one of the question's. */
  inQuestion: boolean;
  stop: boolean;
  capital: boolean;
  /** Punctuation right after the word (`,`, `;`, `(`…), '' when none. */
  after: string;
}

const CUE_BEFORE = new Set(['is', 'was', 'are', 'were', 'called', 'named', 'as', 'by', 'include', 'includes', 'including', 'such', 'known', 'termed', 'became', 'become', 'be', 'from', 'to', 'of', 'in', 'for', 'with']);
const MAX_WORDS = 10;

/** Features of a candidate span, in {@link SPAN_FEATURES} order. */
export function _spanFeatures(words: readonly _Word[], a: number, b: number, head: string | undefined, anchors: readonly number[], typed: ReadonlyArray<{ start: number; end: number }> = []): number[] {
  const len = b - a + 1;
  const left = anchors.filter((i) => i < a);
  const right = anchors.filter((i) => i > b);
  const dl = left.length ? a - Math.max(...left) : 30;
  const dr = right.length ? Math.min(...right) - b : 30;
  const d = Math.min(dl, dr);
  const before = words[a - 1];
  const after = words[b + 1];
  const inner = words.slice(a, b + 1);
  const content = inner.filter((x) => !x.stop);
  return [
    Math.log(1 + d), d <= 1 ? 1 : 0, d <= 3 ? 1 : 0, dl <= 2 ? 1 : 0, dr <= 2 ? 1 : 0,
    len === 1 ? 1 : 0, len === 2 ? 1 : 0, len === 3 ? 1 : 0, len >= 5 ? 1 : 0, Math.log(len),
    before && CUE_BEFORE.has(before.text.toLowerCase()) ? 1 : 0,
    before?.inQuestion ? 1 : 0, after?.inQuestion ? 1 : 0,
    !after || /[,.;:)"”]/.test(words[b]!.after) || after.stop ? 1 : 0,
    !before || /[,;:("“]/.test(before.after) || before.stop ? 1 : 0,
    content.length > 0 && content.every((x) => x.capital) && a > 0 ? 1 : 0,
    head !== undefined && inner.some((x) => x.term === head) ? 1 : 0,
    inner.slice(0, -1).some((x) => x.after === ',') ? 1 : 0,
    inner.some((x) => /\d/.test(x.text)) ? 1 : 0,
    inner.filter((x) => x.stop).length / len,
    anchors.length ? (left.length && !right.length ? 1 : 0) : 0,
    a / Math.max(1, words.length),
    Math.log(1 + anchors.filter((i) => i < a && a - i <= 3).length), Math.log(1 + anchors.filter((i) => i > b && i - b <= 3).length),
    Math.log(1 + anchors.filter((i) => (i < a && a - i <= 8) || (i > b && i - b <= 8)).length),
    typed.some((t) => t.start >= words[a]!.start - 1 && t.end <= words[b]!.end + 1 && t.start <= words[a]!.start + 1) ? 1 : 0,
    typed.some((t) => t.start < words[b]!.end && t.end > words[a]!.start) ? 1 : 0,
  ];
}

export const SPAN_FEATURES = ['logDist', 'adjacent', 'near3', 'leftAnchor2', 'rightAnchor2', 'len1', 'len2', 'len3', 'len5plus', 'logLen', 'cueBefore', 'questionBefore', 'questionAfter', 'rightBoundary', 'leftBoundary', 'capitalised', 'headNoun', 'comma', 'number', 'stopShare', 'afterAnchors', 'position', 'left3', 'right3', 'window8', 'typedExact', 'typedOverlap'] as const;

/** Candidate spans: runs of up to 10 words holding no question word (but the head noun), not starting or ending with a stop word, not crossing ; : ( ). */
export function _candidateSpans(words: readonly _Word[], head: string | undefined): Array<{ a: number; b: number }> {
  const out: Array<{ a: number; b: number }> = [];
  for (let a = 0; a < words.length; a++) {
    if (words[a]!.stop || words[a]!.inQuestion) continue;
    for (let b = a; b < Math.min(words.length, a + MAX_WORDS); b++) {
      const w = words[b]!;
      if (w.inQuestion && !(head !== undefined && w.term === head)) break;
      if (b > a && /[;:()]/.test(words[b - 1]!.after)) break;
      if (!w.stop) out.push({ a, b });
    }
  }
  return out;
}

/** The best candidate span by the linear span model. */
export function _scoreSpans(words: readonly _Word[], head: string | undefined, weights: readonly number[] = SPAN_WEIGHTS, typed: ReadonlyArray<{ start: number; end: number }> = []): { a: number; b: number } | undefined {
  const anchors = words.map((w, i) => (w.inQuestion ? i : -1)).filter((i) => i >= 0);
  let best: { a: number; b: number; score: number } | undefined;
  for (const c of _candidateSpans(words, head)) {
    const f = _spanFeatures(words, c.a, c.b, head, anchors, typed);
    let score = 0;
    for (let i = 0; i < f.length; i++) score += f[i]! * (weights[i] ?? 0);
    if (!best || score > best.score) best = { ...c, score };
  }
  return best && { a: best.a, b: best.b };
}

/** The sentence's words with the flags {@link _scoreSpans} reads. */
export function _words(sentence: string, question: ReadonlySet<string>): _Word[] {
  return [...sentence.matchAll(/[\p{L}\p{N}$€£][\p{L}\p{N}\p{M}'’.,%$°-]*/gu)].map((m) => {
    const text = m[0].replace(/[.,]+$/, '');
    const end = m.index + text.length;
    const term = analyze(text)[0];
    const next = sentence.slice(end).match(/^\s*([,.;:()"“”]?)/)?.[1] ?? '';
    return { text, start: m.index, end, term, inQuestion: term !== undefined && question.has(term), stop: englishStopWords.has(text.toLowerCase()) || /^(?:is|was|were|are|has|had|have|been|which|who|that|its|their|his|her|also|both|be|called|named|known|termed|such|including|includes|include)$/i.test(text), capital: /^\p{Lu}/u.test(text), after: next };
  });
}

/**
 * Weights of the linear span model (per raw feature, in SPAN_FEATURES order): logistic regression of "this span
 * equals a gold answer" on the spans of the evidence sentences of SQuAD 2.0 dev answerable questions, articles of
 * half A (`splitHalf` in bench/_squad.ts); measured on half B in bench/results/squad-extractive.json.
 */
export const SPAN_WEIGHTS: readonly number[] = [-0.4079, 0.2967, 0.2594, 0.1214, -0.1959, -0.1674, 0.2412, 0.2618, -0.233, -0.1379, 0.132, -0.2249, 0.6857, 0.9296, 0.7893, 0.8919, 0.9153, -1.6701, 0.6403, -1.6919, 0.348, -0.1187, 0.4557, 0.1892, 0.421, 1.5534, 0.0851];
