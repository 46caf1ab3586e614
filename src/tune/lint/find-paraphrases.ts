/**
 * Paraphrases of short prompts, by token-level similarity: whole-record shingles miss "…optional query
 * parameter?" vs "…optional query param?" (one changed word is a third of the 3-grams of a short prompt).
 *
 * Each prompt becomes its set of analyzed terms (`util/analyzer`: Unicode words, Lucene English stop words
 * removed, Porter stems). Two terms match when equal or when one (≥ 4 characters) is a prefix of the other
 * (`param`/`paramet`, `config`/`configur`). Terms are weighted by IDF over the file, so words every prompt
 * shares ("how", "do", "i") count less than the words that tell two questions apart ("optional" vs
 * "required"). Similarity = weighted matched mass / weighted union (a soft, IDF-weighted Jaccard).
 * Candidates come from an inverted index on 4-character term prefixes; prefixes in more than
 * max(200, 2% of prompts) prompts are not used for candidates.
 */
import { analyze } from '../../util/analyzer.js';

/** Options of {@link findParaphrases}. */
export interface FindParaphrasesOptions {
  /** The prompts (user turns) to compare. */
  texts: string[];
  /** Similarity at which two prompts are paraphrases (measured in `bench/tune-lint.ts`). @default 0.6 */
  threshold?: number;
  /** Prompts with more distinct terms than this are left to shingle similarity. @default 48 */
  maxTerms?: number;
}

interface _Prompt { terms: string[]; weights: number[]; mass: number }

const _key = (t: string): string => t.slice(0, 4);
const _match = (a: string, b: string): boolean => a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** Soft IDF-weighted Jaccard of two prompts (terms sorted by weight, heaviest matched first). */
function _similarity(a: _Prompt, b: _Prompt): number {
  const used = new Uint8Array(b.terms.length);
  let inter = 0;
  a.terms.forEach((t, i) => {
    let hit = b.terms.indexOf(t);
    if (hit < 0 || used[hit]) hit = b.terms.findIndex((u, j) => !used[j] && _match(t, u));
    if (hit < 0) return;
    used[hit] = 1;
    inter += (a.weights[i]! + b.weights[hit]!) / 2;
  });
  const union = a.mass + b.mass - inter;
  return union > 0 ? inter / union : 0;
}

/** Pairs [i, j, similarity] (i < j) of prompts whose token similarity reaches `threshold`. */
export function findParaphrases({ texts, threshold = 0.6, maxTerms = 48 }: FindParaphrasesOptions): Array<[number, number, number]> {
  const termSets = texts.map((t) => [...new Set(analyze(t))]);
  const df = new Map<string, number>();
  for (const terms of termSets) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const prompts: Array<_Prompt | undefined> = termSets.map((terms) => {
    if (terms.length === 0 || terms.length > maxTerms) return undefined;
    const weighted = terms.map((t) => [t, Math.log(1 + n / df.get(t)!)] as const).sort((x, y) => y[1] - x[1]);
    const weights = weighted.map(([, w]) => w);
    return { terms: weighted.map(([t]) => t), weights, mass: weights.reduce((x, y) => x + y, 0) };
  });
  const postings = new Map<string, number[]>();
  prompts.forEach((p, i) => {
    if (!p) return;
    for (const k of new Set(p.terms.map(_key))) {
      const list = postings.get(k);
      if (list) list.push(i); else postings.set(k, [i]);
    }
  });
  const cap = Math.max(200, Math.ceil(n * 0.02));
  const pairs: Array<[number, number, number]> = [];
  const shared = new Map<number, number>();
  prompts.forEach((p, i) => {
    if (!p) return;
    shared.clear();
    const keys = new Set(p.terms.map(_key));
    let usable = 0;
    for (const k of keys) {
      const list = postings.get(k)!;
      if (list.length > cap) continue;
      usable += 1;
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, count] of shared) {
      if (count * 2 < Math.min(usable, prompts[j]!.terms.length)) continue;
      const sim = _similarity(p, prompts[j]!);
      if (sim >= threshold) pairs.push([i, j, sim]);
    }
  });
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
