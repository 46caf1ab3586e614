import type { Tensor } from '@huggingface/transformers';
import type { EmbeddingModel, EmbedResult, Warning } from '../../spec/embedding-model.js';
import { FathomError } from '../../util/errors.js';
import { knownEmbeddingRecipe } from './known-models.js';
import { _importTransformers, _loadPretrained, type TransformersLoadOptions } from './load-pretrained.js';

/** Options of {@link createTransformersEmbeddingModel}. */
export interface TransformersEmbeddingOptions extends TransformersLoadOptions {
  /** Hugging Face model id with ONNX weights. @default 'Xenova/bge-small-en-v1.5' */
  modelId?: string;
  /** Token pooling. @default from the known-model table (bge: 'cls', e5/MiniLM: 'mean'), else 'mean' */
  pooling?: 'mean' | 'cls';
  /** L2-normalise vectors (cosine = dot product). @default true */
  normalize?: boolean;
  /** Prepended to queries / passages. @default from the known-model table, else '' */
  queryPrefix?: string;
  passagePrefix?: string;
  /** Values per `doEmbed` call. @default 32 */
  maxBatchSize?: number;
}

/**
 * A local embedding model run by transformers.js on onnxruntime-node (CPU, `threads` intra-op threads).
 * Loads (and, when allowed, downloads) the model up front, so `dimensions` comes from its config.
 */
export async function createTransformersEmbeddingModel(options: TransformersEmbeddingOptions = {}): Promise<EmbeddingModel> {
  const { modelId = 'Xenova/bge-small-en-v1.5', normalize = true, maxBatchSize = 32 } = options;
  const recipe = knownEmbeddingRecipe(modelId);
  const { pooling = recipe?.pooling ?? 'mean', queryPrefix = recipe?.queryPrefix ?? '', passagePrefix = recipe?.passagePrefix ?? '' } = options;
  const { mean_pooling } = await _importTransformers();
  const { tokenizer, model, config } = await _loadPretrained({ ...options, modelId }, 'AutoModel');
  const dimensions = Number(config.hidden_size ?? config.d_model ?? config.dim);
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new FathomError({ code: 'MODEL_NOT_AVAILABLE', message: `Model '${modelId}' has no 'hidden_size' in its config.json; is it an embedding model?`, details: { modelId } });
  }
  const maxLength = Number((tokenizer as unknown as { model_max_length?: number }).model_max_length);
  const pendingWarnings: Warning[] = recipe || options.pooling
    ? []
    : [{ type: 'unknown-model', message: `No known pooling or prefixes for '${modelId}': using mean pooling and no prefixes; set 'pooling', 'queryPrefix' and 'passagePrefix' if the model card says otherwise.`, modelId }];

  return {
    specificationVersion: 'v1', provider: 'transformers-js', modelId, dimensions, maxBatchSize, supportsParallelCalls: false, normalized: normalize,
    ...(Number.isFinite(maxLength) && maxLength > 0 && maxLength < 1e6 ? { maxInputTokens: maxLength } : {}),
    async doEmbed({ values, kind = 'passage', abortSignal }): Promise<EmbedResult> {
      if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Embedding was aborted.', cause: abortSignal.reason });
      if (values.length === 0) return { embeddings: [] };
      const prefix = kind === 'query' ? queryPrefix : passagePrefix;
      const inputs = tokenizer(prefix ? values.map((v) => prefix + v) : values, { padding: true, truncation: true }) as Record<string, Tensor>;
      const output = (await model(inputs)) as Record<string, Tensor | undefined>;
      const hidden = output.last_hidden_state ?? output.token_embeddings;
      if (!hidden) throw new FathomError({ code: 'MODEL_NOT_AVAILABLE', message: `Model '${modelId}' returned no 'last_hidden_state'; it is not a feature-extraction model.`, details: { modelId } });
      let pooled = pooling === 'mean' ? mean_pooling(hidden, inputs.attention_mask!) : hidden.slice(null, 0);
      if (normalize) pooled = pooled.normalize(2, -1);
      const data = pooled.data as Float32Array;
      const embeddings = values.map((_, i) => data.slice(i * dimensions, (i + 1) * dimensions));
      const mask = inputs.attention_mask!.data as BigInt64Array;
      let tokens = 0;
      for (let i = 0; i < mask.length; i++) tokens += Number(mask[i]);
      const warnings = pendingWarnings.splice(0);
      return warnings.length > 0 ? { embeddings, usage: { tokens }, warnings } : { embeddings, usage: { tokens } };
    },
  };
}
