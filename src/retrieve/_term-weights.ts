import type { Store } from '../spec/store.js';
import { _salientTerms } from './_salient-terms.js';

/** Corpus weight of each salient query term: its largest possible BM25 score alone (∝ IDF; 0 = in no chunk). */
export async function _termWeights(store: Store, tenant: string, query: string, bm25?: { k1?: number; b?: number }): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const { term, word } of _salientTerms(query)) out.set(term, (await store.keywordQueryStats!({ tenant, query: word, bm25 })).maxScore);
  return out;
}
