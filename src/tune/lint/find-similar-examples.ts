import type { LintRecord } from './lint-records.js';
import { answersAgree, answerTermsCache } from './answers-agree.js';
import { findParaphrases, PARAPHRASE_THRESHOLD } from './find-paraphrases.js';
import { findSimilarPairs, groupPairs, shingles } from './near-duplicates.js';

/** How a pair was found. */
export type SimilarBy = 'same-input' | 'tokens' | 'shingles' | 'input-shingles';

/** Two examples (indices into the records) with the same or a similar input. */
export interface SimilarPair {
  a: number;
  b: number;
  /** 1 for the same input; otherwise the similarity of the method that found the pair. */
  similarity: number;
  by: SimilarBy;
  /** The final answers agree ({@link answersAgree}): a near duplicate; otherwise a contradiction. */
  sameAnswer: boolean;
}

/** Options of {@link findSimilarExamples}. */
export interface FindSimilarExamplesOptions {
  records: LintRecord[];
  /** Jaccard similarity of the whole example's word 3-grams. @default 0.7 */
  threshold?: number;
  /** Token similarity of the user turns (`findParaphrases`). @default {@link PARAPHRASE_THRESHOLD} */
  paraphraseThreshold?: number;
}

const INPUT_SHINGLE_THRESHOLD = 0.9;
const LONG_INPUT_WORDS = 25;
const _squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function _concat(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The one near-duplicate finder of lint, split and dedupe. Pairs come from four views: the same input text;
 * paraphrased user turns (token similarity, for short prompts); the whole example's word 3-grams (long
 * near copies); the input's word 3-grams at 0.9 (long shared contexts with a different answer). Each pair
 * is then a near duplicate (answers agree) or a contradiction (they do not).
 */
export function findSimilarExamples({ records, threshold = 0.7, paraphraseThreshold = PARAPHRASE_THRESHOLD }: FindSimilarExamplesOptions): SimilarPair[] {
  const found = new Map<number, SimilarPair>();
  const terms = answerTermsCache();
  const add = (a: number, b: number, similarity: number, by: SimilarBy): void => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = x * records.length + y;
    if (found.has(id)) return;
    found.set(id, { a: x, b: y, similarity, by, sameAnswer: answersAgree(records[x]!, records[y]!, terms) });
  };
  // The same input: the whole conversation before the answer, or the same system prompt and user turns
  // (the same request answered with a different tool call or after a different tool result).
  const firstOf = new Map<string, number>();
  records.forEach((r, i) => {
    for (const key of [_squash(r.input), r.userText.trim() ? `\u0000${_squash(r.system)}\u0000${_squash(r.userText)}` : '']) {
      if (!key) continue;
      const first = firstOf.get(key);
      if (first === undefined) firstOf.set(key, i); else add(first, i, 1, 'same-input');
    }
  });
  for (const [a, b, s] of findParaphrases({ texts: records.map((r) => r.userText), threshold: paraphraseThreshold })) {
    // The same request under different system prompts (e.g. other tools) may rightly get another answer.
    if (records[a]!.system !== records[b]!.system && !answersAgree(records[a]!, records[b]!, terms)) continue;
    add(a, b, s, 'tokens');
  }
  const whole = findSimilarPairs({ texts: records.map((r) => `${r.input}\n${r.output}`), sets: records.map((r) => shingles(_concat(r.inputWords, r.outputWords))), threshold });
  for (const [a, b, s] of whole) add(a, b, s, 'shingles');
  // Long inputs only: short ones are covered by the same-input and token views.
  const long = records.map((_, i) => i).filter((i) => records[i]!.inputWords.length >= LONG_INPUT_WORDS);
  const inputs = findSimilarPairs({ texts: long.map((i) => records[i]!.input), sets: long.map((i) => shingles(records[i]!.inputWords)), threshold: INPUT_SHINGLE_THRESHOLD });
  for (const [a, b, s] of inputs) add(long[a]!, long[b]!, s, 'input-shingles');
  return [...found.values()].sort((p, q) => p.a - q.a || p.b - q.b);
}

/** Groups (of two or more indices, each sorted) connected by `pairs`. */
export function similarGroups(n: number, pairs: SimilarPair[]): number[][] {
  const group = groupPairs(n, pairs.map((p) => [p.a, p.b] as [number, number]));
  const members = new Map<number, number[]>();
  group.forEach((g, i) => {
    const list = members.get(g);
    if (list) list.push(i); else members.set(g, [i]);
  });
  return [...members.values()].filter((m) => m.length > 1);
}
