/**
 * Chunkers cut normalised text into {@link ChunkDraft}s within a token budget counted by a real tokenizer.
 */
import type { ChunkDraft } from './chunk.js';
import type { EmbeddingModel } from './embedding-model.js';
import type { Tokenizer } from './tokenizer.js';

export type ChunkerName = 'fixed' | 'recursive' | 'structure' | 'semantic' | 'hierarchical';

export interface ChunkInput {
  text: string;
  format?: string;
  pages?: Array<{ page: number; start: number; end: number }>;
  /**
   * Time budget, as an epoch time in ms (`Date.now()` clock): past it, built-in chunkers stop between units
   * and reject with LIMIT_EXCEEDED (`details.limit` `ingest.limits.fileTimeoutMs`). ingest() sets it from
   * the per-file budget left after loading. @default no budget
   */
  deadline?: number;
}

export interface Chunker {
  readonly name: ChunkerName;
  chunk(input: ChunkInput): Promise<ChunkDraft[]>;
}

export interface ChunkerOptions {
  tokenizer: Tokenizer;
  /** Largest chunk, in tokens. @default 512 */
  maxTokens?: number;
  /** Overlap between consecutive windows, in tokens (fixed, recursive). @default 64 */
  overlapTokens?: number;
  /** Semantic chunking: the embedder for sentence similarity. */
  embedder?: EmbeddingModel;
  /** Semantic chunking: split where similarity falls below this percentile of adjacent similarities. @default 0.25 */
  breakpointPercentile?: number;
  /** Hierarchical chunking: parent budget in tokens. @default 1024 */
  parentMaxTokens?: number;
  /** Hierarchical chunking: child budget in tokens. @default 128 */
  childMaxTokens?: number;
}
