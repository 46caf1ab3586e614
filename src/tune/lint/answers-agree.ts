import { analyze } from '../../util/text/analyzer.js';
import type { LintRecord } from './lint-records.js';
import { foldText } from './near-duplicates.js';

/** Negations are stop words for search but change what an answer says: kept as one term. */
const NEGATION = /\b(?:no|not|never|cannot)\b|n['’]t\b/i;

/** A short answer (≤ 4 words) that looks like a class label. */
export function isLabel(output: string): boolean {
  if (output.length > 80) return false;
  const n = foldText(output);
  return n.length > 0 && n.length <= 40 && n.split(' ').length <= 4;
}

/** The number on a short marked last line (`#### 42`, `Answer: 7`), when there is one. */
function _finalNumber(output: string): string | undefined {
  const last = output.trim().split('\n').at(-1) ?? '';
  if (last.split(/\s+/).length > 6) return undefined;
  return last.match(/-?\d[\d,]*(?:\.\d+)?/g)?.at(-1)?.replace(/,/g, '');
}

/** Labels agree when folded equal, or when their stems match exactly or by prefix ("Catholic" / "Catholicism"). */
function _sameLabel(a: string, b: string): boolean {
  if (foldText(a) === foldText(b)) return true;
  const ta = analyze(a), tb = analyze(b);
  const prefix = (x: string, y: string): boolean => x === y || (Math.min(x.length, y.length) >= 4 && (x.startsWith(y) || y.startsWith(x)));
  return ta.length > 0 && ta.length === tb.length && ta.every((t, i) => prefix(t, tb[i]!));
}

/** Terms of an answer, memoised per record. */
export type AnswerTerms = (record: LintRecord) => Set<string>;

export function answerTermsCache(): AnswerTerms {
  const cache = new WeakMap<LintRecord, Set<string>>();
  return (r) => {
    let terms = cache.get(r);
    if (!terms) {
      terms = new Set(analyze(r.output));
      if (NEGATION.test(r.output)) terms.add('\u0000not');
      cache.set(r, terms);
    }
    return terms;
  };
}

/**
 * Whether two final answers say the same thing: tool calls must be identical (name and parsed arguments);
 * labels and answers without content words must be equal when folded; a marked final number must match;
 * otherwise at least half of the shorter answer's terms (stemmed, stop words removed) appear in the other.
 */
export function answersAgree(a: LintRecord, b: LintRecord, terms: AnswerTerms): boolean {
  if (a.callsKey !== undefined || b.callsKey !== undefined) return a.callsKey === b.callsKey;
  if (isLabel(a.output) && isLabel(b.output)) return _sameLabel(a.output, b.output);
  const na = _finalNumber(a.output), nb = _finalNumber(b.output);
  if (na !== undefined && nb !== undefined && na !== nb) return false;
  const ta = terms(a), tb = terms(b);
  if (ta.size === 0 || tb.size === 0) return foldText(a.output) === foldText(b.output);
  const [small, large] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared += 1;
  return shared * 2 >= small.size;
}
