/**
 * Search results. Every hit carries each stage's score and rank so a user can see why it ranked there.
 */
import type { Chunk } from './chunk.js';

/** Score and 1-based rank of a hit in one retrieval stage. */
export interface StageScore {
  score: number;
  rank: number;
}

/** Names of retrieval stages; later stages (fusion, rerank, mmr) add their own entries. */
export type StageName = 'bm25' | 'vector' | 'fused' | 'rerank' | 'mmr' | 'recency' | (string & {});

export interface Hit {
  chunk: Chunk;
  /** Enough of the document to cite it. */
  document: { id: string; title: string; source: string; collection: string };
  /** The final score (of the last stage that ranked the hit). */
  score: number;
  stages: Partial<Record<StageName, StageScore>>;
  /** The chunk's stored vector, when the search was asked for it (`includeVectors`). */
  vector?: Float32Array;
  /**
   * Parent expansion: the matched child chunks merged into this (parent) hit, best first, each with
   * its own stage scores. Absent when the hit is the matched chunk itself.
   */
  matchedChildren?: Array<{ chunkId: string; score: number; stages: Partial<Record<StageName, StageScore>> }>;
}
