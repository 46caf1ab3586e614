/** A deterministic embedding model for tests: cosine similarity follows shared words. */
import type { EmbeddingModel } from '../spec/embedding-model.js';

/** Options of {@link createBagOfWordsEmbedder}. */
export interface BagOfWordsEmbedderOptions {
  /** Vector length; each lower-cased word is hashed into one dimension. @default 32 */
  dimensions?: number;
}

/** An {@link EmbeddingModel} that hashes each word of a text into `dimensions` buckets and returns unit vectors. */
export function createBagOfWordsEmbedder({ dimensions = 32 }: BagOfWordsEmbedderOptions = {}): EmbeddingModel {
  const embed = (text: string): Float32Array => {
    const v = new Float32Array(dimensions);
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      let h = 7;
      for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      v[h % dimensions]! += 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  return {
    specificationVersion: 'v1', provider: 'test', modelId: `bow-${dimensions}`, dimensions, maxBatchSize: 64, supportsParallelCalls: true, normalized: true,
    doEmbed: async ({ values }) => ({ embeddings: values.map(embed) }),
  };
}
