/**
 * The embedding-model conformance suite: every `EmbeddingModel` provider must pass it.
 *
 * @example
 * runEmbeddingModelConformance({ name: 'openai-compatible', create: async () => ({ model, close }) });
 */
import { describe } from 'node:test';
import { embeddingContractCases, type EmbeddingModelFixture } from './providers/embedding-contract-cases.js';

export type { EmbeddingModelFixture };

/** Options of {@link runEmbeddingModelConformance}. */
export interface EmbeddingModelConformanceOptions {
  name: string;
  /** A model ready to embed; called once per case. */
  create: () => Promise<EmbeddingModelFixture>;
  /** A reason to skip the whole suite (e.g. an optional runtime is not installed). */
  skip?: string | false;
}

/** Register the conformance cases for one embedding model provider. */
export function runEmbeddingModelConformance({ name, create, skip = false }: EmbeddingModelConformanceOptions): void {
  describe(`EmbeddingModel conformance: ${name}`, { skip }, () => embeddingContractCases(create));
}
