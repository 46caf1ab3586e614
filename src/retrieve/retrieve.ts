import type { Hit } from '../spec/hit.js';
import type { RetrievalMode, RetrievalStage, RetrievalTrace, RetrieveOptions, RetrieveResult } from '../spec/retrieve.js';
import { FathomError } from '../util/errors.js';
import { _embedQuery, _hitVectors, _keywordCandidates, _vectorCandidates } from './_candidates.js';
import { _recencyTimes } from './_recency-times.js';
import { applyRecency } from './apply-recency.js';
import { computeSufficiency } from './compute-sufficiency.js';
import { expandParents } from './expand-parents.js';
import { expandWindow } from './expand-window.js';
import { fuse } from './fuse.js';
import { mmr } from './mmr.js';
import { retrieveMultiHop } from './multi-hop.js';
import { rerankHits } from './rerank-hits.js';
import { sufficiencyFeatures } from './sufficiency-features.js';
import { _termWeights } from './_term-weights.js';

/**
 * Retrieves the top K chunks for a query: candidates from BM25 and/or vector search (filters applied
 * inside each search) → fusion (hybrid) → rerank of the top N → parent expansion → recency → MMR or cut
 * to K → window expansion. Every hit carries each stage's score and rank; the trace records the time and
 * count of each step and the sufficiency signal.
 */
export async function retrieve(options: RetrieveOptions): Promise<RetrieveResult> {
  const { store, tenant, query } = options;
  if (options.hops === 2) {
    _validate(options, options.mode ?? (options.embedder ? 'hybrid' : 'bm25'));
    return retrieveMultiHop({ ...options, retrieveOnce: retrieve });
  }
  const { hits, trace } = await retrieveHits(options);
  const stats = trace.mode !== 'vector' && store.keywordQueryStats ? await store.keywordQueryStats({ tenant, query, bm25: options.bm25 }) : undefined;
  const termWeights = store.keywordQueryStats ? await _termWeights(store, tenant, query, options.bm25) : undefined;
  const featureOptions = { hits, query, queryMaxScore: stats?.maxScore, termWeights, rerankScoresAreProbabilities: options.reranker?.model.scoresAreProbabilities ?? true };
  const features = sufficiencyFeatures(featureOptions); // computed once: the score and the trace share them
  const sufficiency = computeSufficiency({ ...featureOptions, features, model: options.sufficiency });
  return { hits, trace: { ...trace, sufficiency, sufficiencyFeatures: features } };
}

/**
 * {@link retrieve} without the sufficiency signal: the same hits and stage timings, none of the work of scoring
 * whether they suffice (a plain `fathom search` prints only the hits: that work was a fifth of a cold search).
 * With `hops: 2` it is `retrieve` (multi-hop needs each hop's signal).
 */
export async function retrieveHits(options: RetrieveOptions): Promise<{ hits: Hit[]; trace: Pick<RetrievalTrace, 'mode' | 'stages'> & Partial<RetrievalTrace> }> {
  const { store, tenant, query, embedder, topK = 10, filter, principal, signal, _internal = {} } = options;
  const mode: RetrievalMode = options.mode ?? (embedder ? 'hybrid' : 'bm25');
  const perfNow = _internal.perfNow ?? (() => performance.now());
  _validate(options, mode);
  if (options.hops === 2) return retrieve(options);

  const stages: RetrievalStage[] = [];
  const step = async (name: string, run: () => Promise<Hit[]> | Hit[]): Promise<Hit[]> => {
    if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Retrieval was aborted before '${name}'.`, cause: signal.reason });
    const start = perfNow();
    const hits = await run();
    stages.push({ name, ms: perfNow() - start, count: hits.length });
    return hits;
  };

  const mmrOptions = options.mmr === true ? {} : options.mmr || undefined;
  // A deeper pool only matters when a later step can reorder or merge hits (fusion, rerank, MMR, recency,
  // parent expansion); a single retriever's top K is otherwise final, so fetch just K rows.
  const reorders = mode === 'hybrid' || Boolean(options.reranker) || Boolean(mmrOptions) || Boolean(options.recency) || options.expand === 'parent';
  const candidates = reorders ? Math.max(topK, options.candidates ?? 50) : Math.max(topK, options.candidates ?? topK);
  // MMR with its own embedder works in that model's space: query and hits are embedded with it.
  const mmrEmbedder = mmrOptions?.embedder && mmrOptions.embedder !== embedder ? mmrOptions.embedder : undefined;
  const wantKeyword = mode !== 'vector';
  const wantVector = mode !== 'bm25';
  const queryVector = embedder && (wantVector || (mmrOptions && !mmrEmbedder)) ? await _embedQuery(embedder, query, signal) : undefined;
  const [bm25, vector] = await Promise.all([
    wantKeyword ? step('bm25', () => _keywordCandidates({ store, tenant, query, topK: candidates, filter, principal, bm25: options.bm25 })) : [],
    wantVector ? step('vector', () => _vectorCandidates({ store, tenant, vector: queryVector!, topK: candidates, filter, principal, includeVectors: mmrOptions !== undefined })) : [],
  ]);

  let hits = mode === 'hybrid' ? await step('fuse', () => fuse({ bm25, vector, fusion: options.fusion })) : mode === 'bm25' ? bm25 : vector;
  if (options.reranker) {
    const { model, topN = 50 } = options.reranker;
    hits = await step('rerank', () => rerankHits({ hits, query, reranker: model, topN: Math.max(topN, topK), abortSignal: signal }));
  }
  if (options.expand === 'parent') hits = await step('expand', () => expandParents({ hits, store, tenant, principal }));
  if (options.recency) {
    const recency = options.recency;
    const now = (_internal.now ?? Date.now)();
    hits = await step('recency', async () => applyRecency({ hits, times: await _recencyTimes({ hits, store, tenant, field: recency.field }), now, halfLifeDays: recency.halfLifeDays, weight: recency.weight }));
  }
  if (mmrOptions) {
    const pool = hits;
    hits = await step('mmr', async () => {
      const q = mmrEmbedder ? await _embedQuery(mmrEmbedder, query, signal) : queryVector!;
      const vectors = await _hitVectors(mmrEmbedder ? pool.map((h) => ({ ...h, vector: undefined })) : pool, mmrEmbedder ?? embedder, signal);
      return mmr({ hits: pool, queryVector: q, vectors: vectors!, lambda: mmrOptions.lambda, topK });
    });
  } else {
    hits = hits.slice(0, topK);
  }
  if (typeof options.expand === 'object') {
    const window = options.expand.window;
    hits = await step('expand', () => expandWindow({ hits, store, tenant, window, principal }));
  }
  return { hits, trace: { mode, stages } };
}

function _validate({ tenant, query, topK = 10, embedder, mmr, hops }: RetrieveOptions, mode: RetrievalMode): void {
  if (!tenant) throw new FathomError({ code: 'TENANT_REQUIRED', message: 'retrieve() needs a tenant: pass `tenant` (e.g. "default").' });
  if (typeof query !== 'string') throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'retrieve() needs `query` as a string.' });
  if (!Number.isInteger(topK) || topK < 1) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `topK must be a positive integer, got ${topK}.`, details: { topK } });
  if (hops !== undefined && hops !== 1 && hops !== 2) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `hops must be 1 or 2, got ${String(hops)}.`, details: { hops } });
  if (!['bm25', 'vector', 'hybrid'].includes(mode)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown retrieval mode '${mode}': use bm25, vector or hybrid.`, details: { mode } });
  if (mode !== 'bm25' && !embedder) throw _needsEmbedder(`Mode '${mode}'`);
  if (mmr && !embedder && !(typeof mmr === 'object' && mmr.embedder)) throw _needsEmbedder('MMR');
}

function _needsEmbedder(what: string): FathomError {
  return new FathomError({ code: 'INVALID_ARGUMENT', message: `${what} needs an embedding model: pass \`embedder\` (the model the index was built with) or use mode 'bm25' without MMR.`, details: { what } });
}
