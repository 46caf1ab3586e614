import { stemmer } from 'stemmer';
import type { Hit } from '../spec/hit.js';
import type { SufficiencyFeatures } from '../spec/retrieve.js';

/** Options of {@link sufficiencyFeatures}. */
export interface SufficiencyFeaturesOptions {
  /** The final ranked hits. */
  hits: readonly Hit[];
  query: string;
  /** The query's largest possible BM25 score (`store.keywordQueryStats`); without it `bm25Norm` is null. */
  queryMaxScore?: number;
  /** Whether `stages.rerank` scores are probabilities; otherwise a sigmoid is applied. @default true */
  rerankScoresAreProbabilities?: boolean;
  /** Rank whose score the margin compares with the top score. @default 5 */
  marginAt?: number;
}

// Lucene's EnglishAnalyzer stop set plus common question words, which carry no evidence of an answer.
const STOP = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with what which who whom whose when where why how does do did can could would should has have had from about'.split(' '),
);

/** Distinct stemmed content terms of a text. */
export function _terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (!STOP.has(word)) out.add(stemmer(word));
  return out;
}

/** Computes the features the sufficiency model reads (see {@link SufficiencyFeatures}). */
export function sufficiencyFeatures({ hits, query, queryMaxScore, rerankScoresAreProbabilities = true, marginAt = 5 }: SufficiencyFeaturesOptions): SufficiencyFeatures {
  const top = (stage: string): number | null => {
    const scores = hits.map((h) => h.stages[stage]?.score).filter((s): s is number => s !== undefined);
    return scores.length === 0 ? null : Math.max(...scores);
  };
  const rerank = top('rerank');
  const bm25 = top('bm25');
  const queryTerms = _terms(query);
  let coverage = 0;
  if (hits.length > 0 && queryTerms.size > 0) {
    const hitTerms = _terms(hits[0]!.chunk.text);
    coverage = [...queryTerms].filter((t) => hitTerms.has(t)).length / queryTerms.size;
  }
  let margin = 0;
  if (hits.length >= 2) {
    const s1 = hits[0]!.score;
    const sk = hits[Math.min(marginAt, hits.length) - 1]!.score;
    margin = s1 === 0 ? 0 : Math.min(1, Math.max(0, (s1 - sk) / Math.abs(s1)));
  }
  return {
    rerankTop: rerank === null ? null : rerankScoresAreProbabilities ? Math.min(1, Math.max(0, rerank)) : 1 / (1 + Math.exp(-rerank)),
    bm25Norm: bm25 === null || !queryMaxScore || queryMaxScore <= 0 ? null : Math.min(1, Math.max(0, bm25 / queryMaxScore)),
    vectorTop: top('vector'),
    coverage,
    margin,
    hasHits: hits.length > 0 ? 1 : 0,
  };
}
