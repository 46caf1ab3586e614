import { foldText, shingles } from './near-duplicates.js';

/** Options of {@link findLeaks}. */
export interface FindLeaksOptions {
  /** Training prompts (the user text of each example). */
  prompts: string[];
  /** Evaluation questions. */
  evalQuestions: string[];
  /** Jaccard similarity at which a prompt counts as the same question. @default 0.7 */
  threshold?: number;
  /** Share of an evaluation question's shingles found in a prompt at which it counts as contained. @default 0.8 */
  containment?: number;
}

/** A training prompt that appears in the evaluation set. */
export interface Leak {
  /** Index into `prompts`. */
  index: number;
  /** Index into `evalQuestions`. */
  evalIndex: number;
  /** Larger of Jaccard similarity and containment. */
  similarity: number;
}

/**
 * Training prompts that equal, nearly equal or contain an evaluation question. Scores every prompt that
 * shares a shingle with a question through an inverted index, so the cost follows the overlap, not n×m.
 */
export function findLeaks({ prompts, evalQuestions, threshold = 0.7, containment = 0.8 }: FindLeaksOptions): Leak[] {
  const exact = new Map<string, number>();
  evalQuestions.forEach((q, i) => exact.set(foldText(q), i));
  const sets = prompts.map((p) => shingles(p));
  const index = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const h of set) {
      const list = index.get(h);
      if (list) list.push(i); else index.set(h, [i]);
    }
  });
  const best = new Map<number, Leak>();
  const keep = (leak: Leak): void => {
    const prev = best.get(leak.index);
    if (!prev || leak.similarity > prev.similarity) best.set(leak.index, leak);
  };
  prompts.forEach((p, i) => {
    const hit = exact.get(foldText(p));
    if (hit !== undefined) keep({ index: i, evalIndex: hit, similarity: 1 });
  });
  evalQuestions.forEach((q, evalIndex) => {
    const qs = shingles(q);
    if (qs.length === 0) return;
    const hits = new Map<number, number>();
    for (const h of qs) for (const i of index.get(h) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    for (const [i, n] of hits) {
      const jac = n / (qs.length + sets[i]!.length - n);
      const contained = qs.length >= 3 ? n / qs.length : 0;
      if (jac >= threshold || contained >= containment) keep({ index: i, evalIndex, similarity: Math.max(jac, contained) });
    }
  });
  return [...best.values()].sort((a, b) => a.index - b.index);
}
