import type { EmbeddingModel, Warning } from '../spec/embedding-model.js';
import { FathomError } from '../util/errors.js';
import { runPool } from '../util/run-pool.js';

/** Options of {@link embedMany}. */
export interface EmbedManyOptions {
  model: EmbeddingModel;
  values: string[];
  /** Passed to every `doEmbed` call. @default 'passage' */
  kind?: 'query' | 'passage';
  /** Batches in flight at once; only used when `model.supportsParallelCalls`. @default 4 */
  concurrency?: number;
  abortSignal?: AbortSignal;
  /** Called after each finished batch with the number of values embedded so far. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** Result of {@link embedMany}: one vector per value, in input order. */
export interface EmbedManyResult {
  embeddings: Float32Array[];
  /** Summed over batches; `tokens` is 0 when the model reports no usage. */
  usage: { tokens: number };
  warnings: Warning[];
}

/**
 * Embeds any number of values: splits them into batches of `model.maxBatchSize`, runs batches in
 * parallel only when the model allows it, keeps input order, sums usage and checks every vector's
 * length against `model.dimensions`. Retries are the provider's job (HTTP providers retry per call).
 */
export async function embedMany({ model, values, kind = 'passage', concurrency = 4, abortSignal, onProgress }: EmbedManyOptions): Promise<EmbedManyResult> {
  const batchSize = Math.max(1, Math.floor(model.maxBatchSize));
  const batches: number[] = [];
  for (let start = 0; start < values.length; start += batchSize) batches.push(start);
  const embeddings: Float32Array[] = new Array(values.length);
  const warnings: Warning[] = [];
  let tokens = 0;
  let done = 0;
  const workers = model.supportsParallelCalls ? Math.max(1, Math.min(concurrency, batches.length)) : 1;
  await runPool({ count: batches.length, concurrency: workers, task: async (b) => {
    const start = batches[b]!;
    if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Embedding was aborted.', cause: abortSignal.reason });
    const batch = values.slice(start, start + batchSize);
    const result = await model.doEmbed({ values: batch, kind, abortSignal });
    _check(model, batch.length, result.embeddings);
    for (let i = 0; i < batch.length; i++) embeddings[start + i] = result.embeddings[i]!;
    tokens += result.usage?.tokens ?? 0;
    if (result.warnings) warnings.push(...result.warnings);
    done += batch.length;
    onProgress?.({ done, total: values.length });
  } });
  return { embeddings, usage: { tokens }, warnings };
}

function _check(model: EmbeddingModel, expected: number, vectors: Float32Array[]): void {
  if (vectors.length !== expected) {
    throw new FathomError({
      code: 'PROVIDER_BAD_RESPONSE',
      message: `Embedding model '${model.modelId}' returned ${vectors.length} vectors for ${expected} values.`,
      details: { provider: model.provider, modelId: model.modelId, expected, received: vectors.length },
    });
  }
  for (const vector of vectors) {
    if (vector.length !== model.dimensions) {
      throw new FathomError({
        code: 'EMBEDDING_MISMATCH',
        message: `Embedding model '${model.modelId}' returned vectors of length ${vector.length}, but declares ${model.dimensions} dimensions. Set the model's 'dimensions' to ${vector.length} or use the model the index was built with.`,
        details: { provider: model.provider, modelId: model.modelId, expected: model.dimensions, received: vector.length },
      });
    }
  }
}
