import type { Principal } from '../spec/access.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { MetadataFilter } from '../spec/filter.js';
import type { Hit } from '../spec/hit.js';
import type { Store } from '../spec/store.js';
import { embedMany } from '../core/embed-many.js';
import { _rankStage } from './_ranked.js';

/** Embeds the query (kind `query`). */
export async function _embedQuery(embedder: EmbeddingModel, query: string, abortSignal?: AbortSignal): Promise<Float32Array> {
  const { embeddings } = await embedMany({ model: embedder, values: [query], kind: 'query', abortSignal });
  return embeddings[0]!;
}

/** Keyword candidates; stamps `stages.bm25` from list order when the store did not. */
export async function _keywordCandidates(o: { store: Store; tenant: string; query: string; topK: number; filter?: MetadataFilter; principal?: Principal; bm25?: { k1?: number; b?: number } }): Promise<Hit[]> {
  const hits = await o.store.searchKeyword({ tenant: o.tenant, query: o.query, topK: o.topK, filter: o.filter, bm25: o.bm25, ...(o.principal ? { principal: o.principal } : {}) });
  return _ensureStage(hits, 'bm25');
}

/** Vector candidates (with stored vectors, for MMR); stamps `stages.vector` when missing. */
export async function _vectorCandidates(o: { store: Store; tenant: string; vector: Float32Array; topK: number; filter?: MetadataFilter; principal?: Principal; includeVectors: boolean }): Promise<Hit[]> {
  const hits = await o.store.searchVector({ tenant: o.tenant, vector: o.vector, topK: o.topK, filter: o.filter, includeVectors: o.includeVectors, ...(o.principal ? { principal: o.principal } : {}) });
  return _ensureStage(hits, 'vector');
}

function _ensureStage(hits: Hit[], name: 'bm25' | 'vector'): Hit[] {
  if (hits.every((h) => h.stages[name])) return hits;
  return _rankStage(hits, hits.map((h) => h.score), name);
}

/** Vectors for MMR: stored ones where hits carry them, the rest embedded as passages. */
export async function _hitVectors(hits: readonly Hit[], embedder: EmbeddingModel | undefined, abortSignal?: AbortSignal): Promise<Float32Array[] | undefined> {
  const missing = hits.map((h, i) => (h.vector ? -1 : i)).filter((i) => i >= 0);
  if (missing.length === 0) return hits.map((h) => h.vector!);
  if (!embedder) return undefined;
  const { embeddings } = await embedMany({ model: embedder, values: missing.map((i) => hits[i]!.chunk.text), kind: 'passage', abortSignal });
  const out = hits.map((h) => h.vector);
  missing.forEach((i, j) => (out[i] = embeddings[j]));
  return out as Float32Array[];
}
