/**
 * Embedding model contract (versioned plain type, AI SDK style). The library batches, retries and
 * parallelises calls from the capability fields; providers only implement `doEmbed`.
 */
export interface EmbeddingModel {
  readonly specificationVersion: 'v1';
  /** Provider name, e.g. `transformers-js`, `openai-compatible`. */
  readonly provider: string;
  readonly modelId: string;
  /** Output vector length. */
  readonly dimensions: number;
  /** Largest number of values accepted by one `doEmbed` call. */
  readonly maxBatchSize: number;
  /** Longest input in tokens; longer inputs are truncated by the model. */
  readonly maxInputTokens?: number;
  /** Whether several `doEmbed` calls may run at once. */
  readonly supportsParallelCalls: boolean;
  /** Whether returned vectors are unit length (cosine = dot product). */
  readonly normalized: boolean;
  doEmbed(options: EmbedOptions): Promise<EmbedResult>;
}

export interface EmbedOptions {
  values: string[];
  /** Queries and passages may need different prefixes (e5, bge). @default 'passage' */
  kind?: 'query' | 'passage';
  abortSignal?: AbortSignal;
}

export interface EmbedResult {
  /** One vector per value, in order. */
  embeddings: Float32Array[];
  usage?: { tokens: number };
  warnings?: Warning[];
}

/** A non-fatal problem returned as data. */
export interface Warning {
  type: string;
  message: string;
  [key: string]: unknown;
}
