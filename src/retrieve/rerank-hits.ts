import type { Hit } from '../spec/hit.js';
import type { Reranker } from '../spec/reranker.js';
import { FathomError } from '../util/errors.js';
import { _rankStage } from './_ranked.js';

/** Options of {@link rerankHits}. */
export interface RerankHitsOptions {
  hits: readonly Hit[];
  query: string;
  reranker: Reranker;
  /** Candidates scored, from the head of `hits`. @default 50 */
  topN?: number;
  /** Hits kept after reranking. @default topN */
  topK?: number;
  abortSignal?: AbortSignal;
}

/**
 * Scores the top N hits with a cross-encoder (batches of `reranker.maxBatchSize`, run one after the
 * other), orders them by rerank score, then cuts to `topK`. Hits beyond N are dropped.
 */
export async function rerankHits({ hits, query, reranker, topN = 50, topK = topN, abortSignal }: RerankHitsOptions): Promise<Hit[]> {
  const head = hits.slice(0, topN);
  const batchSize = Math.max(1, Math.floor(reranker.maxBatchSize));
  const scores: number[] = [];
  for (let start = 0; start < head.length; start += batchSize) {
    if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Reranking was aborted.', cause: abortSignal.reason });
    const documents = head.slice(start, start + batchSize).map((h) => h.chunk.text);
    const result = await reranker.doRerank({ query, documents, abortSignal });
    if (result.scores.length !== documents.length || result.scores.some((s) => !Number.isFinite(s))) {
      throw new FathomError({
        code: 'PROVIDER_BAD_RESPONSE',
        message: `Reranker '${reranker.modelId}' returned ${result.scores.length} scores for ${documents.length} documents (or a non-finite score); check the reranker endpoint or model.`,
        details: { provider: reranker.provider, modelId: reranker.modelId, expected: documents.length, received: result.scores.length },
      });
    }
    scores.push(...result.scores);
  }
  return _rankStage(head, scores, 'rerank').slice(0, topK);
}
