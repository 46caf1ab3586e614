/**
 * Chunks: the retrievable units cut from a document version.
 *
 * Invariant: `version.text.slice(chunk.start, chunk.end) === chunk.text`, always.
 */
import type { Metadata } from './document.js';

/**
 * `leaf` chunks are indexed and searched. `parent` chunks (hierarchical chunking) are stored and linked
 * from their children, never indexed: retrieval finds a child, the model may be shown its parent.
 */
export type ChunkRole = 'leaf' | 'parent';

/** What a chunker produces, before the store assigns identity. */
export interface ChunkDraft {
  /** Exactly `source.slice(start, end)`. */
  text: string;
  /** Start offset (inclusive) into the normalised source text, UTF-16 code units. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Headings enclosing the chunk, outermost first (e.g. `['Pricing', 'Enterprise']`). Empty when unknown. */
  headingPath: string[];
  /** Token count of `text` under the chunker's tokenizer. */
  tokenCount: number;
  role: ChunkRole;
  /** For children of hierarchical chunking: index, in the same draft list, of the parent draft. */
  parentIndex?: number;
  /** Pages the chunk spans, for paged sources. */
  pages?: number[];
}

/** A stored chunk. */
export interface Chunk {
  tenant: string;
  /** Stable id: `${versionId}:${ordinal}`. */
  id: string;
  documentId: string;
  versionId: string;
  /** Position of the chunk in its version's draft list. */
  ordinal: number;
  text: string;
  start: number;
  end: number;
  headingPath: string[];
  tokenCount: number;
  role: ChunkRole;
  /** Id of the parent chunk, for children of hierarchical chunking. */
  parentId?: string;
  pages?: number[];
  /**
   * Context prepended for indexing (contextual retrieval), when one was generated. Never part of `text`.
   */
  context?: string;
  metadata: Metadata;
}
