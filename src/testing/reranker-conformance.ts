/**
 * The reranker conformance suite: every `Reranker` provider must pass it.
 *
 * @example
 * runRerankerConformance({ name: 'http-rerank (cohere)', create: async () => ({ reranker, close }) });
 */
import { describe } from 'node:test';
import { rerankerContractCases, type RerankerFixture } from './providers/reranker-contract-cases.js';

export type { RerankerFixture };

/** Options of {@link runRerankerConformance}. */
export interface RerankerConformanceOptions {
  name: string;
  /** A reranker ready to score; called once per case. */
  create: () => Promise<RerankerFixture>;
  /** Whether the reranker must rank an exact-overlap passage first (true for real cross-encoders and the test servers; false for random-weight models). @default true */
  expectRelevanceOrder?: boolean;
  skip?: string | false;
}

/** Register the conformance cases for one reranker provider. */
export function runRerankerConformance({ name, create, expectRelevanceOrder = true, skip = false }: RerankerConformanceOptions): void {
  describe(`Reranker conformance: ${name}`, { skip }, () => rerankerContractCases(create, expectRelevanceOrder));
}
