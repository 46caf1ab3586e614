import type { EmbeddingAdapter } from '../../spec/embedding-adapter.js';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import { FathomError } from '../../util/errors.js';
import { applyAdapter } from './apply-adapter.js';

/**
 * Wraps a frozen embedding model so that query embeddings (`kind: 'query'`) go through the adapter at query
 * time; passages are returned unchanged, so an existing index stays valid.
 */
export function adaptEmbeddingModel({ model, adapter }: { model: EmbeddingModel; adapter: EmbeddingAdapter }): EmbeddingModel {
  if (model.dimensions !== adapter.dims) {
    throw new FathomError({ code: 'EMBEDDING_MISMATCH', message: `Adapter has ${adapter.dims} dimensions but '${model.modelId}' has ${model.dimensions}; retrain the adapter for this model.`, details: { modelId: model.modelId } });
  }
  const trained = adapter.embeddingModel;
  if (trained && (trained.provider !== model.provider || trained.modelId !== model.modelId)) {
    throw new FathomError({ code: 'EMBEDDING_MISMATCH', message: `The adapter was trained over ${trained.provider}/${trained.modelId}, not ${model.provider}/${model.modelId}; retrain it or use that model.`, details: { trained, model: { provider: model.provider, modelId: model.modelId } } });
  }
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    dimensions: model.dimensions,
    maxBatchSize: model.maxBatchSize,
    ...(model.maxInputTokens !== undefined ? { maxInputTokens: model.maxInputTokens } : {}),
    supportsParallelCalls: model.supportsParallelCalls,
    normalized: model.normalized,
    async doEmbed(options) {
      const result = await model.doEmbed(options);
      if (options.kind !== 'query') return result;
      return { ...result, embeddings: result.embeddings.map((v) => applyAdapter(adapter, v)) };
    },
  };
}
