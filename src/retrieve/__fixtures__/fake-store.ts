/**
 * Test doubles for retrieval: an in-memory store implementing the search and read methods retrieve()
 * uses, a bag-of-letters embedder and a keyword-overlap reranker, all recording their calls. The store is a
 * call recorder with hand-computable scores for retrieve()'s own logic, not a Store implementation: it does not
 * pass the store conformance suite, and nothing about storage or tenant isolation is tested on it (those run on
 * SQLite: retrieve-real-store.test.ts, retrieve-permissions.test.ts, testing/store/).
 */
import type { Chunk } from '../../spec/chunk.js';
import type { Document } from '../../spec/document.js';
import type { EmbeddingModel, EmbedOptions } from '../../spec/embedding-model.js';
import type { MetadataFilter } from '../../spec/filter.js';
import type { Hit } from '../../spec/hit.js';
import type { Reranker, RerankOptions } from '../../spec/reranker.js';
import type { KeywordSearchOptions, Store, VectorSearchOptions } from '../../spec/store.js';

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

function _matches(chunk: Chunk, filter?: MetadataFilter): boolean {
  return Object.entries(filter ?? {}).every(([k, v]) => chunk.metadata[k] === v);
}

export interface FakeStore extends Store {
  calls: { keyword: KeywordSearchOptions[]; vector: VectorSearchOptions[]; getChunks: string[][] };
}

/** A store over fixed chunks. BM25 stand-in: score = number of query words in the chunk. */
export function fakeStore(inputs: FakeChunkInput[], documents: Partial<Document>[] = [], { maxScore }: { maxScore?: number } = {}): FakeStore {
  const chunks = inputs.map(makeChunk);
  const vectors = new Map(inputs.map((c) => [c.id, c.vector ? Float32Array.from(c.vector) : letterVector(c.text)]));
  const calls: FakeStore['calls'] = { keyword: [], vector: [], getChunks: [] };
  const toHit = (chunk: Chunk, score: number, rank: number, stage: string, vector?: Float32Array): Hit => ({
    chunk, document: { id: chunk.documentId, title: chunk.documentId, source: chunk.documentId, collection: 'default' }, score,
    stages: { [stage]: { score, rank } }, ...(vector ? { vector } : {}),
  });
  const searchable = (tenant: string, filter?: MetadataFilter) => chunks.filter((c) => c.tenant === tenant && c.role === 'leaf' && _matches(c, filter));
  const store: Partial<FakeStore> = {
    calls,
    async searchKeyword(o) {
      calls.keyword.push(o);
      const q = new Set(words(o.query));
      return searchable(o.tenant, o.filter)
        .map((c) => ({ c, s: words(c.text).filter((w) => q.has(w)).length }))
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : 1))
        .slice(0, o.topK)
        .map((x, i) => toHit(x.c, x.s, i + 1, 'bm25'));
    },
    async searchVector(o) {
      calls.vector.push(o);
      const cos = (a: Float32Array, b: Float32Array) => {
        let d = 0, na = 0, nb = 0;
        for (let i = 0; i < a.length; i++) [d, na, nb] = [d + a[i]! * b[i]!, na + a[i]! ** 2, nb + b[i]! ** 2];
        return na && nb ? d / Math.sqrt(na * nb) : 0;
      };
      return searchable(o.tenant, o.filter)
        .map((c) => ({ c, s: cos(o.vector, vectors.get(c.id)!) }))
        .sort((a, b) => b.s - a.s || (a.c.id < b.c.id ? -1 : 1))
        .slice(0, o.topK)
        .map((x, i) => toHit(x.c, x.s, i + 1, 'vector', o.includeVectors ? vectors.get(x.c.id) : undefined));
    },
    async getChunks(o) {
      calls.getChunks.push(o.ids);
      return chunks.filter((c) => c.tenant === o.tenant && o.ids.includes(c.id));
    },
    async listChunks(o) {
      return chunks.filter((c) => c.tenant === o.tenant && c.documentId === o.documentId).sort((a, b) => a.ordinal - b.ordinal);
    },
    async getDocument(o) {
      return documents.find((d) => d.id === o.id) as Document | undefined;
    },
    ...(maxScore === undefined ? {} : { keywordQueryStats: async () => ({ terms: [], maxScore }) }),
  };
  return store as FakeStore;
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
