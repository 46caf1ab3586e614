/**
 * Retrieval: options of `retrieve()`, its result and trace, and the options of each step
 * (fusion, MMR, rerank, parent/window expansion, recency, sufficiency).
 */
import type { ChatModel } from './chat-model.js';
import type { EmbeddingModel } from './embedding-model.js';
import type { MetadataFilter } from './filter.js';
import type { Hit } from './hit.js';
import type { Reranker } from './reranker.js';
import type { Principal } from './access.js';
import type { Store } from './store.js';

export type RetrievalMode = 'bm25' | 'vector' | 'hybrid';

/** Reciprocal-rank fusion: score = Σ over retrievers of 1 / (k + rank). */
export interface RrfFusion {
  method: 'rrf';
  /** Rank offset; larger values flatten the head of each list. @default 60 */
  k?: number;
}

/**
 * Convex combination of normalised scores: alpha·norm(vector) + (1 − alpha)·norm(bm25). A hit missing
 * from one list contributes 0 for that list.
 */
export interface ConvexFusion {
  method: 'convex';
  /** Weight of the vector score, in [0, 1]. @default 0.5 */
  alpha?: number;
  /** `minmax` maps each list to [0, 1]; `zscore` to (score − mean) / stddev. @default 'minmax' */
  normalization?: 'minmax' | 'zscore';
}

export type FusionOptions = RrfFusion | ConvexFusion;

/** Maximal marginal relevance: pick argmax λ·sim(q, d) − (1 − λ)·max sim(d, selected). */
export interface MmrOptions {
  /** Trade-off between relevance (1) and diversity (0). @default 0.7 */
  lambda?: number;
  /**
   * Embeds the query and candidate texts when hits carry no stored `vector`.
   * @default the `embedder` passed to `retrieve()`
   */
  embedder?: EmbeddingModel;
}

/** Cross-encoder reranking of the top N candidates, then cut to `topK`. */
export interface RerankStepOptions {
  model: Reranker;
  /** Candidates sent to the reranker (batched by `model.maxBatchSize`). @default 50 */
  topN?: number;
}

/** Return the parent chunk of matched children, or the matched chunk widened by `window` neighbours each side. */
export type ExpandOptions = 'parent' | { window: number };

/** Recency weighting: final = score · ((1 − weight) + weight · 0.5^(ageDays / halfLifeDays)). */
export interface RecencyOptions {
  /** Age at which the recency factor halves, in days. */
  halfLifeDays: number;
  /**
   * Where the time comes from: a document field (`updatedAt`, `modifiedAt`) or a chunk metadata key
   * holding epoch ms or an ISO date. Hits with no time get factor 1 − weight (treated as infinitely old).
   * @default 'updatedAt'
   */
  field?: string;
  /** Blend weight of the recency factor, in [0, 1]. @default 0.5 */
  weight?: number;
}

/** How hop 2's query is made: a model decomposes the question, else bridge entities from hop 1's passages. */
export interface MultiHopOptions {
  /** A generative model that writes hop 2's query from the question and hop 1's passages. */
  decomposer?: ChatModel;
  /** Bridge entities in hop 2's query (without a decomposer). @default 1 */
  bridges?: number;
}

/** One hop of a multi-hop retrieval. */
export interface HopTrace {
  hop: number;
  /** The query of this hop; null when no second query could be made (no bridge entity, model said NONE). */
  query: string | null;
  /** Hits this hop retrieved (hop 2: those hop 1 had not returned). */
  count: number;
  /** The bridge entities proposed from hop 1's passages (hop 2 without a decomposer). */
  entities?: string[];
}

/** Options of `retrieve()`. */
export interface RetrieveOptions {
  store: Store;
  tenant: string;
  query: string;
  /** @default 'hybrid' when an embedder is given, else 'bm25' */
  mode?: RetrievalMode;
  /** Hits returned. @default 10 */
  topK?: number;
  /** Depth requested from each retriever. @default 50 (never less than topK) */
  candidates?: number;
  /** Query embedder; required for `vector` and `hybrid`. */
  embedder?: EmbeddingModel;
  /** @default { method: 'rrf', k: 60 } */
  fusion?: FusionOptions;
  /** BM25 parameters passed to the store. */
  bm25?: { k1?: number; b?: number };
  mmr?: MmrOptions | boolean;
  reranker?: RerankStepOptions;
  expand?: ExpandOptions;
  recency?: RecencyOptions;
  /** Applied inside each search, never after truncation. */
  filter?: MetadataFilter;
  /**
   * The reader: every search, expansion and lookup returns only documents its access lists allow, inside the
   * search (never by dropping hits after truncation). @default the trusted caller, who sees the whole tenant
   */
  principal?: Principal;
  /** Sufficiency model; @default DEFAULT_SUFFICIENCY_MODEL */
  sufficiency?: SufficiencyModel;
  /** 2 = multi-hop: a second query from hop 1's passages (see `retrieveMultiHop`). @default 1 */
  hops?: 1 | 2;
  /** Multi-hop settings (with `hops: 2`). */
  multiHop?: MultiHopOptions;
  signal?: AbortSignal;
  /** Testing seam: the clock used for stage timings and recency. */
  _internal?: { now?: () => number; perfNow?: () => number };
}

/** One step of a retrieval, for `--explain` and the audit log. */
export interface RetrievalStage {
  name: 'bm25' | 'vector' | 'fuse' | 'rerank' | 'mmr' | 'expand' | 'recency' | (string & {});
  /** Wall time of the step, ms. */
  ms: number;
  /** Hits the step produced. */
  count: number;
  /** Multi-hop: the hop the step belongs to (absent for single-hop and for the merge of the hops). */
  hop?: number;
}

export interface RetrievalTrace {
  mode: RetrievalMode;
  stages: RetrievalStage[];
  /** The sufficiency signal in [0, 1] (see `computeSufficiency`). */
  sufficiency: number;
  /** The features the signal was computed from. */
  sufficiencyFeatures: SufficiencyFeatures;
  /** Multi-hop: each hop's query and contribution. */
  hops?: HopTrace[];
}

export interface RetrieveResult {
  hits: Hit[];
  trace: RetrievalTrace;
}

/**
 * Features of a ranked list that predict whether it holds an answer. `null` = not available
 * (no reranker, store without `keywordQueryStats`, no vector stage); the model imputes its mean.
 */
export interface SufficiencyFeatures {
  /** Top rerank score as a probability (sigmoid applied to logits). */
  rerankTop: number | null;
  /** Top BM25 score / the query's max possible BM25 score, clamped to [0, 1]. */
  bm25Norm: number | null;
  /** Top cosine similarity from the vector stage. */
  vectorTop: number | null;
  /** Share of distinct query content terms found in the top hit's text, [0, 1]. */
  coverage: number;
  /** (s1 − sk) / |s1| over the final scores (k = min(5, hits)), clamped to [0, 1]; 0 with < 2 hits. */
  margin: number;
  /** 1 when there is at least one hit, else 0. */
  hasHits: number;
  /** IDF-weighted share of the question's salient terms in the best supporting passage (the top hits' best), [0, 1]. */
  idfCoverage: number;
  /** IDF-weighted share of the question's salient terms in the best single sentence of the top hits, [0, 1]. */
  sentenceCoverage: number;
  /** IDF-weighted share of the question's salient terms found in NO retrieved passage, [0, 1] (strong evidence the documents do not say). */
  unseen: number;
  /** IDF of the most informative salient term missing from the best passage / the largest salient-term IDF, [0, 1]. */
  missingTop: number;
  /** 1 when a salient question term occurs nowhere in the tenant's index, else 0; null when the store has no term statistics. */
  unindexed: number | null;
  /** 1 when the question asks for a date, number, person or place, else 0. */
  typed: number;
  /** 1 when the best sentence holds a phrase of the asked-for type that is not in the question, else 0. */
  typeMatch: number;
  /** 1 when the question holds a negation (not, never, n't…), else 0. */
  negated: number;
  /** 1 when a number in the question is absent from the best passage, else 0. */
  numberMissing: number;
  /** Share of the question's adjacent salient-term pairs also adjacent (in order) in the best sentence, [0, 1]. */
  bigramCoverage: number;
  /** Salient question terms missing from the best sentence, as ln(1 + count). */
  sentenceMissing: number;
  /** ln(1 + number of salient question terms). */
  questionTerms: number;
  /** Weight of the rarest salient term missing from the best sentence / the largest salient-term weight, [0, 1]. */
  sentenceMissingTop: number;
  /** 1 when exactly one salient term is missing from the best sentence (a word changed from the passage's), else 0. */
  oneMissing: number;
  /** 1 when a capitalised question word (a name) is absent from the best passage, else 0. */
  nameMissing: number;
  /** 1 when the best sentence holds an antonym of a question word but not the word itself ("largest" ↔ "smallest"), else 0. */
  antonym: number;
}

export type SufficiencyFeatureName = keyof SufficiencyFeatures;

/**
 * A logistic model over standardised features: p = σ(bias + Σ wᵢ·(xᵢ − meanᵢ)/stdᵢ), missing xᵢ → meanᵢ.
 * Fit with `calibrateSufficiency` on labelled queries.
 */
export interface SufficiencyModel {
  bias: number;
  weights: Record<SufficiencyFeatureName, number>;
  means: Record<SufficiencyFeatureName, number>;
  stds: Record<SufficiencyFeatureName, number>;
  /** Where the weights came from (dataset, date), for provenance. */
  source?: string;
}
