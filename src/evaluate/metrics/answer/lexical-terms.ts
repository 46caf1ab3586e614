import { analyze } from '../../../util/text/analyzer.js';
import { splitSentences } from '../../../util/text/sentences.js';
import { englishStopWords } from '../../../util/text/stopwords.js';

// Lucene's English stop words plus question and auxiliary words, which carry no content to support.
const stopWords: ReadonlySet<string> = new Set([...englishStopWords, 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'i', 'we', 'you', 'my', 'our', 'your', 'has', 'have', 'had']);

const marker = /\[\d+\]/g;

/** Distinct analysed content terms (stop and question words removed, stemmed). */
export function _terms(text: string): Set<string> {
  return new Set(analyze(text.replace(marker, ' '), { stopWords }));
}

/** Answer sentences with citation markers removed and at least one content term: the answer's claims. */
export function _claims(text: string): string[] {
  const out: string[] = [];
  for (const [s, e] of splitSentences(text)) {
    const sentence = text.slice(s, e).replace(marker, '').trim();
    if (_terms(sentence).size > 0) out.push(sentence);
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
