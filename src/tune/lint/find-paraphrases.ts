/**
 * Paraphrases of short prompts, by token-level similarity: whole-record shingles miss "…optional query
 * parameter?" vs "…optional query param?" (one changed word is a third of the 3-grams of a short prompt).
 *
 * Each prompt becomes its set of analyzed terms (`util/text/analyzer`: Unicode words, Porter stems; the util
 * English stop words plus the words that frame a request rather than say what it asks: "can you tell me",
 * "do you know", "please"; question words stay, since "when" and "where" ask different things). Two terms match when equal or when one (≥ 4 characters) is a prefix of the
 * other (`param`/`paramet`, `config`/`configur`). Terms are weighted by IDF² over the file, so the words
 * that tell two questions apart ("optional" vs "required") outweigh the words many prompts share.
 * Similarity = weighted matched mass / weighted union (a soft, IDF²-weighted Jaccard), and 0 when a name
 * or number (a capitalised word after the first, digits) of one prompt does not recur in the same turn of
 * the other (turns separated by {@link TURN_SEPARATOR}), or only one of them is negated.
 * Candidates come from an inverted index on 4-character term prefixes; prefixes in more than
 * max(50, 0.5% of prompts) prompts are not used for candidates.
 */
import { analyze } from '../../util/text/analyzer.js';

/** Request framing, removed on top of the util stop words (lowercase, before stemming). */
const FRAMING = ['do', 'does', 'did', 'can', 'could', 'would', 'i', 'me', 'my', 'you', 'your', 'we', 'our', 'please', 'tell', 'explain', 'show', 'give', 'know',
  'want', 'need', 'way', 'help', 'hi', 'hello', 'hey', 'thanks', 'thank', 'quick', 'question', 'exactly', 'just', 'someone', 'anyone', 's'];
// Removed after the analyzer's default pipeline (whose term cache makes it fast), as stems.
const FRAMING_STEMS: ReadonlySet<string> = new Set(analyze(FRAMING.join(' '), { stopWords: new Set() }));

/**
 * Default similarity for paraphrases: the best F1 on the generated paraphrase set (`bench/tune-lint.ts`,
 * recorded in bench/results/tune-lint.json: precision 0.87, recall 0.89 at 0.8).
 */
export const PARAPHRASE_THRESHOLD = 0.8;

/** Options of {@link findParaphrases}. */
export interface FindParaphrasesOptions {
  /** The prompts (user turns) to compare. */
  texts: string[];
  /** Similarity at which two prompts are paraphrases (measured in `bench/tune-lint.ts`). @default {@link PARAPHRASE_THRESHOLD} */
  threshold?: number;
  /** Prompts with more distinct terms than this (about 40 words) are left to shingle similarity. @default 24 */
  maxTerms?: number;
}

interface _Prompt {
  terms: string[];
  weights: number[];
  mass: number;
  /** Names and numbers as `turn␀term`; every term as `turn␀term` (names must recur in the same turn). */
  names: ReadonlySet<string>;
  turnTerms: ReadonlySet<string>;
  negated: boolean;
}

/** Separates the turns of one prompt (e.g. the user turns of a conversation) in `texts`. */
export const TURN_SEPARATOR = '\u2029';

/** Negations are stop words, but "what is not X" asks the opposite of "what is X". */
const NEGATION = /\b(?:no|not|never|cannot|non)\b|n['’]t\b/i;

/** Terms of the names and numbers in each turn (capitalised words after a turn's first word, and digits), and all terms per turn. */
function _turnSets(text: string): { names: Set<string>; turnTerms: Set<string> } {
  const names = new Set<string>(), turnTerms = new Set<string>();
  text.split(TURN_SEPARATOR).forEach((turn, k) => {
    const words = turn.trim().match(/(?<!^|[.?!:]\s)\b\p{Lu}[\p{L}\p{N}'’-]*|\p{N}+/gu) ?? [];
    if (words.length) for (const t of analyze(words.join(' '))) names.add(`${k}\u0000${t}`);
    for (const t of analyze(turn)) turnTerms.add(`${k}\u0000${t}`);
  });
  return { names, turnTerms };
}

const _key = (t: string): string => t.slice(0, 4);
const _match = (a: string, b: string): boolean => a === b || (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** Whether the name `turn␀term` recurs in that turn of `p` (equal, or by the prefix rule). */
function _recurs(name: string, p: _Prompt): boolean {
  if (p.turnTerms.has(name)) return true;
  const cut = name.indexOf('\u0000');
  const [turn, term] = [name.slice(0, cut + 1), name.slice(cut + 1)];
  for (const x of p.turnTerms) if (x.startsWith(turn) && _match(term, x.slice(cut + 1))) return true;
  return false;
}

/**
 * Soft IDF²-weighted Jaccard of two prompts (terms sorted by weight, heaviest matched first); 0 when a
 * name or number of either prompt is unmatched ("…the word Norman?" vs "…the word Turing?" ask different things).
 */
function _similarity(a: _Prompt, b: _Prompt): number {
  if (a.negated !== b.negated) return 0;
  for (const x of a.names) if (!_recurs(x, b)) return 0;
  for (const x of b.names) if (!_recurs(x, a)) return 0;
  const used = new Uint8Array(b.terms.length);
  let inter = 0;
  for (let i = 0; i < a.terms.length; i += 1) {
    const t = a.terms[i]!;
    let hit = b.terms.indexOf(t);
    if (hit < 0 || used[hit]) hit = b.terms.findIndex((u, j) => !used[j] && _match(t, u));
    if (hit < 0) continue;
    used[hit] = 1;
    inter += (a.weights[i]! + b.weights[hit]!) / 2;
  }
  const union = a.mass + b.mass - inter;
  return union > 0 ? inter / union : 0;
}

/** Pairs [i, j, similarity] (i < j) of prompts whose token similarity reaches `threshold`. */
export function findParaphrases({ texts, threshold = PARAPHRASE_THRESHOLD, maxTerms = 24 }: FindParaphrasesOptions): Array<[number, number, number]> {
  // A text this long has more than `maxTerms` terms anyway: not analyzed.
  const termSets = texts.map((t) => (t.length > maxTerms * 20 ? [] : [...new Set(analyze(t))].filter((x) => !FRAMING_STEMS.has(x))));
  const df = new Map<string, number>();
  for (const terms of termSets) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const prompts: Array<_Prompt | undefined> = termSets.map((terms, i) => {
    if (terms.length === 0 || terms.length > maxTerms) return undefined;
    const weighted = terms.map((t) => [t, Math.log(1 + n / df.get(t)!) ** 2] as const).sort((x, y) => y[1] - x[1]);
    const weights = weighted.map(([, w]) => w);
    return { terms: weighted.map(([t]) => t), weights, mass: weights.reduce((x, y) => x + y, 0), ..._turnSets(texts[i]!), negated: NEGATION.test(texts[i]!) };
  });
  const postings = new Map<string, number[]>();
  prompts.forEach((p, i) => {
    if (!p) return;
    for (const k of new Set(p.terms.map(_key))) {
      const list = postings.get(k);
      if (list) list.push(i); else postings.set(k, [i]);
    }
  });
  const cap = Math.max(50, Math.ceil(n * 0.005));
  const pairs: Array<[number, number, number]> = [];
  const shared = new Int32Array(n);
  const touched: number[] = [];
  prompts.forEach((p, i) => {
    if (!p) return;
    let usable = 0;
    for (const k of new Set(p.terms.map(_key))) {
      const list = postings.get(k)!;
      if (list.length > cap) continue;
      usable += 1;
      for (const j of list) {
        if (j <= i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j] += 1;
      }
    }
    for (const j of touched) {
      const count = shared[j]!;
      shared[j] = 0;
      if (count * 2 < Math.min(usable, prompts[j]!.terms.length)) continue;
      const sim = _similarity(p, prompts[j]!);
      if (sim >= threshold) pairs.push([i, j, sim]);
    }
    touched.length = 0;
  });
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
