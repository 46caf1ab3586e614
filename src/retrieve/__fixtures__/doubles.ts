/**
 * Test doubles for retrieval's models and records: chunks built by hand (for the pure stages: fuse, MMR, rerank,
 * recency, sufficiency), a bag-of-letters embedder and a keyword-overlap reranker, both recording their calls.
 * There is no fake store: tests that need one use a real SQLite store (`:memory:`), seen through
 * `testing/store/record-store-calls` when they check what is asked of it.
 */
import type { Chunk } from '../../spec/chunk.js';
import type { EmbeddingModel, EmbedOptions } from '../../spec/embedding-model.js';
import type { Reranker, RerankOptions } from '../../spec/reranker.js';

export interface FakeChunkInput {
  id: string;
  text: string;
  documentId?: string;
  tenant?: string;
  parentId?: string;
  role?: 'leaf' | 'parent';
  ordinal?: number;
  start?: number;
  metadata?: Record<string, unknown>;
  vector?: number[];
}

export function makeChunk(c: FakeChunkInput): Chunk {
  const start = c.start ?? 0;
  return {
    tenant: c.tenant ?? 't1', id: c.id, documentId: c.documentId ?? 'doc', versionId: `${c.documentId ?? 'doc'}@1`, ordinal: c.ordinal ?? 0,
    text: c.text, start, end: start + c.text.length, headingPath: [], tokenCount: c.text.split(' ').length, role: c.role ?? 'leaf',
    parentId: c.parentId, metadata: c.metadata ?? {},
  };
}

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

export function letterVector(text: string): Float32Array {
  const v = new Float32Array(26);
  for (const ch of text.toLowerCase()) if (ch >= 'a' && ch <= 'z') v[ch.charCodeAt(0) - 97]! += 1;
  return v;
}

/** Embeds text as letter counts (so cosine reflects shared letters); records its calls. */
export function fakeEmbedder(): EmbeddingModel & { calls: EmbedOptions[] } {
  const calls: EmbedOptions[] = [];
  return {
    specificationVersion: 'v1', provider: 'fake', modelId: 'letters', dimensions: 26, maxBatchSize: 8, supportsParallelCalls: false, normalized: false, calls,
    async doEmbed(o) {
      calls.push(o);
      return { embeddings: o.values.map(letterVector) };
    },
  };
}

/** Scores documents by the share of query words they contain; records batch sizes. */
export function fakeReranker({ maxBatchSize = 2 } = {}): Reranker & { calls: RerankOptions[] } {
  const calls: RerankOptions[] = [];
  return {
    specificationVersion: 'v1', provider: 'fake', modelId: 'overlap', maxBatchSize, scoresAreProbabilities: true, calls,
    async doRerank(o) {
      calls.push(o);
      const q = words(o.query);
      return { scores: o.documents.map((d) => q.filter((w) => words(d).includes(w)).length / Math.max(1, q.length)) };
    },
  };
}
