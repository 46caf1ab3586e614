/**
 * A linear embedding adapter: query vectors of a frozen embedding model are mapped by `W·q (+ b)` and
 * re-normalised before search; passages are left as they are. Trained by `trainEmbeddingAdapter`.
 */
export interface EmbeddingAdapter {
  readonly specificationVersion: 'v1';
  /** Vector length d (input and output). */
  dims: number;
  /** Row-major d×d matrix W: `out[i] = Σ_j W[i*d + j] · q[j]`. */
  weights: Float32Array;
  /** Optional bias b of length d. */
  bias?: Float32Array;
  /** The embedding model the adapter was trained over, to refuse a mismatched one. */
  embeddingModel?: { provider: string; modelId: string };
  /** Retrieval gain measured on held-out queries, stored with the adapter. */
  metrics?: EmbeddingAdapterMetrics;
}

/** Recall before and after the adapter on held-out queries. */
export interface EmbeddingAdapterMetrics {
  k: number;
  queries: number;
  recallBefore: number;
  recallAfter: number;
}
