/**
 * Reranker contract: scores (query, document) pairs; higher is more relevant. Cross-encoders run locally
 * (transformers.js) or behind HTTP rerank APIs (Cohere, Jina, TEI shapes).
 */
import type { Warning } from './embedding-model.js';

export interface Reranker {
  readonly specificationVersion: 'v1';
  readonly provider: string;
  readonly modelId: string;
  /** Largest number of documents scored by one `doRerank` call. */
  readonly maxBatchSize: number;
  /** Whether scores are probabilities in [0, 1] (sigmoid applied) rather than raw logits. */
  readonly scoresAreProbabilities: boolean;
  doRerank(options: RerankOptions): Promise<RerankResult>;
}

export interface RerankOptions {
  query: string;
  documents: string[];
  abortSignal?: AbortSignal;
}

export interface RerankResult {
  /** One score per document, in input order. */
  scores: number[];
  usage?: { tokens?: number; searchUnits?: number };
  warnings?: Warning[];
}
