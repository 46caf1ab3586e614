// Every chunker through the chunker conformance suite (fathom/testing).
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import { runChunkerConformance } from '../../testing/chunker-conformance.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { createChunker } from './index.js';

const tokenizer = createGptTokenizer();

/** A deterministic embedder: one dimension per topic word, so sentences on one topic are similar. */
const topicEmbedder: EmbeddingModel = {
  specificationVersion: 'v1', provider: 'test', modelId: 'topics', dimensions: 4, maxBatchSize: 5, supportsParallelCalls: false, normalized: false,
  async doEmbed({ values }) {
    return { embeddings: values.map((v) => Float32Array.from([...['refund', 'support', 'price'].map((t) => (v.toLowerCase().includes(t) ? 1 : 0)), 0.01])) };
  },
};

runChunkerConformance({ name: 'structure', tokenizer, keepsSentences: true, create: ({ maxTokens }) => createChunker({ name: 'structure', tokenizer, maxTokens }) });
runChunkerConformance({ name: 'fixed', tokenizer, create: ({ maxTokens }) => createChunker({ name: 'fixed', tokenizer, maxTokens, overlapTokens: Math.floor(maxTokens / 4) }) });
runChunkerConformance({ name: 'recursive', tokenizer, create: ({ maxTokens }) => createChunker({ name: 'recursive', tokenizer, maxTokens, overlapTokens: Math.floor(maxTokens / 4) }) });
runChunkerConformance({ name: 'semantic', tokenizer, create: ({ maxTokens }) => createChunker({ name: 'semantic', tokenizer, maxTokens, embedder: topicEmbedder }) });
runChunkerConformance({
  name: 'hierarchical', tokenizer, parentMaxTokens: (n) => n * 4,
  create: ({ maxTokens }) => createChunker({ name: 'hierarchical', tokenizer, childMaxTokens: maxTokens, parentMaxTokens: maxTokens * 4 }),
});
