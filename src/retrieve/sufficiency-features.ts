import type { Hit } from '../spec/hit.js';
import type { SufficiencyFeatures } from '../spec/retrieve.js';
import { analyze } from '../util/text/analyzer.js';
import { contentTerms } from '../util/text/content-terms.js';
import { _answerType, _candidates } from '../util/text/answer-types.js';
import { sigmoid } from '../util/math/logistic.js';
import { splitSentences } from '../util/text/sentences.js';
import { _antonyms } from './_antonyms.js';
import { _salientTerms } from './_salient-terms.js';

/** Options of {@link sufficiencyFeatures}. */
export interface SufficiencyFeaturesOptions {
  /** The final ranked hits. */
  hits: readonly Hit[];
  query: string;
  /** The query's largest possible BM25 score (`store.keywordQueryStats`); without it `bm25Norm` is null. */
  queryMaxScore?: number;
  /**
   * Corpus weight (IDF-like: the term's largest possible BM25 score) of each salient query term, by analysed
   * term; 0 = the term is in no indexed chunk. Without it terms are weighted by their IDF in the hits and
   * `unindexed` is null.
   */
  termWeights?: ReadonlyMap<string, number>;
  /** Whether `stages.rerank` scores are probabilities; otherwise a sigmoid is applied. @default true */
  rerankScoresAreProbabilities?: boolean;
  /** Rank whose score the margin compares with the top score. @default 5 */
  marginAt?: number;
  /** Hits whose passages and sentences are searched for support. @default 5 */
  supportDepth?: number;
}

/** Computes the features the sufficiency model reads (see {@link SufficiencyFeatures}). */
export function sufficiencyFeatures({ hits, query, queryMaxScore, termWeights, rerankScoresAreProbabilities = true, marginAt = 5, supportDepth = 5 }: SufficiencyFeaturesOptions): SufficiencyFeatures {
  const top = (stage: string): number | null => {
    const scores = hits.map((h) => h.stages[stage]?.score).filter((s): s is number => s !== undefined);
    return scores.length === 0 ? null : Math.max(...scores);
  };
  const rerank = top('rerank');
  const bm25 = top('bm25');
  const queryTerms = contentTerms(query);
  let coverage = 0;
  if (hits.length > 0 && queryTerms.size > 0) {
    const hitTerms = contentTerms(hits[0]!.chunk.text);
    coverage = [...queryTerms].filter((t) => hitTerms.has(t)).length / queryTerms.size;
  }
  let margin = 0;
  if (hits.length >= 2) {
    const s1 = hits[0]!.score;
    const sk = hits[Math.min(marginAt, hits.length) - 1]!.score;
    margin = s1 === 0 ? 0 : Math.min(1, Math.max(0, (s1 - sk) / Math.abs(s1)));
  }
  return {
    rerankTop: rerank === null ? null : rerankScoresAreProbabilities ? Math.min(1, Math.max(0, rerank)) : sigmoid(rerank),
    bm25Norm: bm25 === null || !queryMaxScore || queryMaxScore <= 0 ? null : Math.min(1, Math.max(0, bm25 / queryMaxScore)),
    vectorTop: top('vector'),
    coverage,
    margin,
    hasHits: hits.length > 0 ? 1 : 0,
    ..._support(query, hits.slice(0, supportDepth), termWeights),
  };
}

type SupportFeatures = Omit<SufficiencyFeatures, 'rerankTop' | 'bm25Norm' | 'vectorTop' | 'coverage' | 'margin' | 'hasHits'>;

/** Evidence that a passage answers the question: which salient terms it holds, weighted by how rare they are. */
function _support(query: string, hits: readonly Hit[], termWeights?: ReadonlyMap<string, number>): SupportFeatures {
  const salient = _salientTerms(query).map((s) => s.term);
  const type = _answerType(query);
  const passages = hits.map((h) => ({ text: h.chunk.text, terms: new Set(analyze(h.chunk.text)) }));
  const weights = _weights(salient, passages.map((p) => p.terms), termWeights);
  const total = salient.reduce((a, t) => a + weights.get(t)!, 0) || 1;
  const covered = (terms: ReadonlySet<string>) => salient.reduce((a, t) => a + (terms.has(t) ? weights.get(t)! : 0), 0) / total;
  let best = { coverage: 0, index: -1 };
  passages.forEach((p, i) => {
    const c = covered(p.terms);
    if (c > best.coverage) best = { coverage: c, index: i };
  });
  let sentence = { coverage: 0, text: '', terms: [] as string[] };
  for (const p of passages) {
    for (const [s, e] of splitSentences(p.text)) {
      const text = p.text.slice(s, e);
      const terms = analyze(text);
      const c = covered(new Set(terms));
      if (c > sentence.coverage) sentence = { coverage: c, text, terms };
    }
  }
  const sentenceTerms = new Set(sentence.terms);
  const seen = new Set(passages.flatMap((p) => [...p.terms]));
  const bestTerms = best.index >= 0 ? passages[best.index]!.terms : new Set<string>();
  const bestText = best.index >= 0 ? passages[best.index]!.text : '';
  const maxWeight = Math.max(0, ...salient.map((t) => weights.get(t)!));
  const qSet = new Set(salient);
  const numbers = query.match(/\d[\d,.]*/g) ?? [];
  const missing = salient.filter((t) => !sentenceTerms.has(t));
  const queryTerms = analyze(query);
  const lowerBest = bestText.toLowerCase();
  return {
    idfCoverage: best.coverage,
    sentenceCoverage: sentence.coverage,
    unseen: salient.length === 0 ? 0 : salient.reduce((a, t) => a + (seen.has(t) ? 0 : weights.get(t)!), 0) / total,
    missingTop: maxWeight === 0 ? 0 : Math.max(0, ...salient.filter((t) => !bestTerms.has(t)).map((t) => weights.get(t)!)) / maxWeight,
    unindexed: termWeights ? (salient.some((t) => termWeights.get(t) === 0) ? 1 : 0) : null,
    typed: type === 'other' ? 0 : 1,
    typeMatch: type !== 'other' && _candidates(sentence.text, type).some((c) => _newPhrase(c.text, qSet)) ? 1 : 0,
    negated: /\b(?:not|never|no longer|none|neither|nor|without)\b|n't\b/i.test(query) ? 1 : 0,
    numberMissing: numbers.some((n) => !bestText.includes(n.replace(/[.,]$/, ''))) ? 1 : 0,
    bigramCoverage: _bigramCoverage(analyze(query), sentence.terms),
    sentenceMissing: Math.log(1 + salient.filter((t) => !sentenceTerms.has(t)).length),
    questionTerms: Math.log(1 + salient.length),
    sentenceMissingTop: maxWeight === 0 ? 0 : Math.max(0, ...missing.map((t) => weights.get(t)!)) / maxWeight,
    oneMissing: missing.length === 1 ? 1 : 0,
    nameMissing: _names(query).some((n) => !lowerBest.includes(n.toLowerCase())) ? 1 : 0,
    antonym: queryTerms.some((t) => !sentenceTerms.has(t) && _antonyms(t).some((a) => sentenceTerms.has(a))) ? 1 : 0,
  };
}

/** Capitalised words of the question after its first word (names), question words excluded. */
function _names(query: string): string[] {
  return [...query.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}\p{M}'’-]+/gu)].map((m) => m[0]).filter((w) => !/^(?:What|Which|Who|Whom|Whose|When|Where|How|Why|The|A|An|In|On|Of|For|And|Or|I)$/.test(w));
}

/** Corpus weights when given (a term in no chunk weighs as much as the question's rarest indexed term), else IDF over the passages. */
function _weights(salient: readonly string[], passages: ReadonlyArray<ReadonlySet<string>>, corpus?: ReadonlyMap<string, number>): Map<string, number> {
  if (corpus) {
    const known = salient.map((t) => corpus.get(t) ?? 0).filter((w) => w > 0);
    const unseen = known.length ? Math.max(...known) : 1;
    return new Map(salient.map((t) => [t, (corpus.get(t) ?? 0) > 0 ? corpus.get(t)! : unseen]));
  }
  const n = Math.max(1, passages.length);
  return new Map(salient.map((t) => {
    const df = passages.filter((p) => p.has(t)).length;
    return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
  }));
}

/** A candidate phrase that says something the question does not (a bare number counts). */
function _newPhrase(text: string, question: ReadonlySet<string>): boolean {
  const terms = analyze(text);
  return terms.length === 0 ? /\d/.test(text) : !terms.every((t) => question.has(t));
}

function _bigramCoverage(question: readonly string[], sentence: readonly string[]): number {
  if (question.length < 2) return 0;
  const pairs = new Set<string>();
  for (let i = 1; i < sentence.length; i++) pairs.add(`${sentence[i - 1]} ${sentence[i]}`);
  let found = 0;
  for (let i = 1; i < question.length; i++) if (pairs.has(`${question[i - 1]} ${question[i]}`)) found++;
  return found / (question.length - 1);
}
