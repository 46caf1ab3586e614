import { contentTerms } from '../../../util/text/content-terms.js';
import { splitSentences } from '../../../util/text/sentences.js';

const marker = /\[\d+\]/g;

/** Answer sentences with citation markers removed and at least one content term: the answer's claims. */
export function _claims(text: string): string[] {
  const out: string[] = [];
  for (const [s, e] of splitSentences(text)) {
    const sentence = text.slice(s, e).replace(marker, '').trim();
    if (contentTerms(sentence).size > 0) out.push(sentence);
  }
  return out;
}

/** Share of the claim's content terms present in the passage, [0, 1] (0 for a claim with no terms). */
export function _support(claim: Set<string>, passage: Set<string>): number {
  if (claim.size === 0) return 0;
  let found = 0;
  for (const t of claim) if (passage.has(t)) found++;
  return found / claim.size;
}
