import type { Reranker } from '../../spec/reranker.js';

/** A reranker that scores by a hash of the text: an order unrelated to the retrievers', so reranking reshuffles the candidates. */
export const hashReranker: Reranker = {
  specificationVersion: 'v1', provider: 'test', modelId: 'hash-rerank', maxBatchSize: 16, scoresAreProbabilities: true,
  doRerank: async ({ documents }) => ({ scores: documents.map((d) => ([...d].reduce((h, ch) => (h * 33 + ch.charCodeAt(0)) >>> 0, 5) % 1000) / 1000) }),
};
