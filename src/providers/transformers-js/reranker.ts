import type { Tensor } from '@huggingface/transformers';
import type { Reranker, RerankResult } from '../../spec/reranker.js';
import { FathomError } from '../../util/errors.js';
import { sigmoid } from '../../util/math/logistic.js';
import { _loadPretrained, type TransformersLoadOptions } from './load-pretrained.js';

/** Options of {@link createTransformersReranker}. */
export interface TransformersRerankerOptions extends TransformersLoadOptions {
  /** A cross-encoder with ONNX weights. @default 'Xenova/ms-marco-MiniLM-L-6-v2' */
  modelId?: string;
  /** (query, document) pairs per forward pass; longer lists run in several passes. @default 32 */
  maxBatchSize?: number;
}

/**
 * A local cross-encoder reranker (transformers.js, onnxruntime-node). Scores are probabilities: the sigmoid
 * of a single relevance logit, or the softmax probability of the last label for two-label models.
 */
export async function createTransformersReranker(options: TransformersRerankerOptions = {}): Promise<Reranker> {
  const { modelId = 'Xenova/ms-marco-MiniLM-L-6-v2', maxBatchSize = 32 } = options;
  const { tokenizer, model } = await _loadPretrained({ ...options, modelId }, 'AutoModelForSequenceClassification');

  const score = async (query: string, documents: string[]): Promise<{ scores: number[]; tokens: number }> => {
    const inputs = tokenizer(documents.map(() => query), { text_pair: documents, padding: true, truncation: true }) as Record<string, Tensor>;
    const { logits } = (await model(inputs)) as { logits?: Tensor };
    if (!logits) throw new FathomError({ code: 'MODEL_NOT_AVAILABLE', message: `Model '${modelId}' returned no 'logits'; is it a cross-encoder?`, details: { modelId } });
    const labels = logits.dims[1] ?? 1;
    const data = logits.data as Float32Array;
    const scores = documents.map((_, i) => {
      if (labels === 1) return sigmoid(data[i]!);
      const row = Array.from(data.subarray(i * labels, (i + 1) * labels));
      const max = Math.max(...row);
      const exp = row.map((v) => Math.exp(v - max));
      return exp[labels - 1]! / exp.reduce((a, b) => a + b, 0);
    });
    const mask = inputs.attention_mask!.data as BigInt64Array;
    let tokens = 0;
    for (let i = 0; i < mask.length; i++) tokens += Number(mask[i]);
    return { scores, tokens };
  };

  return {
    specificationVersion: 'v1', provider: 'transformers-js', modelId, maxBatchSize, scoresAreProbabilities: true,
    async doRerank({ query, documents, abortSignal }): Promise<RerankResult> {
      const scores: number[] = [];
      let tokens = 0;
      for (let start = 0; start < documents.length; start += maxBatchSize) {
        if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Reranking was aborted.', cause: abortSignal.reason });
        const part = await score(query, documents.slice(start, start + maxBatchSize));
        scores.push(...part.scores);
        tokens += part.tokens;
      }
      return { scores, usage: { tokens } };
    },
  };
}
