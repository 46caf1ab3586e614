import { analyze } from '../util/text/analyzer.js';

/** A source's analysed terms and numbers, computed once and reused for every sentence checked against it. */
export interface SupportIndex {
  terms: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
}

/** Result of {@link lexicalSupport}. */
export interface LexicalSupport {
  /** Share of the sentence's content terms (analyzer terms and numbers) found in the source, [0, 1]. */
  support: number;
  /** False when a number in the sentence is absent from the source (numbers must match exactly). */
  numbersMatch: boolean;
  /** Content terms and numbers of the sentence; 0 means there was nothing to check. */
  checked: number;
}

const isNumber = (t: string) => /^\d[\d.,]*$/.test(t);
const normalizeNumber = (t: string) => t.replace(/,/g, '').replace(/\.$/, '');

/** Indexes a text's distinct analyzer terms (Lucene-like: stop words removed, Porter-stemmed) and numbers. */
export function supportIndex(text: string): SupportIndex {
  const terms = new Set<string>();
  const numbers = new Set<string>();
  for (const t of analyze(text)) {
    if (isNumber(t)) numbers.add(normalizeNumber(t));
    else terms.add(t);
  }
  return { terms, numbers };
}

/**
 * Lexical support of a claim by a source: the share of the claim's distinct content terms present in the
 * source, with numbers counted as terms that must match exactly (`$54` is not supported by `$49`).
 * Citation markers (`[n]`) are ignored. A sentence with no content terms has support 1 and `checked` 0.
 */
export function lexicalSupport(sentence: string, source: string | SupportIndex): LexicalSupport {
  const index = typeof source === 'string' ? supportIndex(source) : source;
  const claim = supportIndex(sentence.replace(/\[\d+(?:\s*,\s*\d+)*\]/g, ' '));
  const checked = claim.terms.size + claim.numbers.size;
  if (checked === 0) return { support: 1, numbersMatch: true, checked: 0 };
  let found = 0;
  for (const t of claim.terms) if (index.terms.has(t)) found++;
  let numbersFound = 0;
  for (const n of claim.numbers) if (index.numbers.has(n)) numbersFound++;
  return { support: (found + numbersFound) / checked, numbersMatch: numbersFound === claim.numbers.size, checked };
}
