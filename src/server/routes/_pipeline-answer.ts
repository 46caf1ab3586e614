/**
 * The answer options of a pipeline for one caller: tenant and principal from the identity (recorded in the
 * audit entry's metadata, which is how a reader later sees only their own entries).
 */
import type { AnswerOptions } from '../../generate/index.js';
import type { Answer } from '../../spec/answer.js';
import type { MetadataFilter } from '../../spec/filter.js';
import type { RetrievalMode } from '../../spec/retrieve.js';
import type { Identity } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _ServerContext } from '../_context.js';
import { DEFAULT_PIPELINE } from '../_context.js';
import { readerOf } from '../reader-of.js';
import { promptVariant } from './prompts-route.js';

export interface PipelineCall {
  identity: Identity;
  question: string;
  pipeline?: string;
  k?: number;
  mode?: RetrievalMode;
  filter?: MetadataFilter;
  hops?: 1 | 2;
  /** A prompt variant's id (`CreateServerOptions.prompts`). */
  prompt?: string;
  maxOutputTokens?: number;
  temperature?: number;
  requestId: string;
  signal: AbortSignal;
}

export function pipelineAnswerOptions(s: _ServerContext, call: PipelineCall): AnswerOptions {
  const name = call.pipeline ?? DEFAULT_PIPELINE;
  const p = s.pipelines.get(name);
  if (!p) throw new FathomError({ code: 'NOT_FOUND', message: `No pipeline "${name}": use one of ${[...s.pipelines.keys()].join(', ')} (GET /v1/models).`, details: { pipeline: name } });
  const mode = call.mode ?? p.mode;
  const promptId = call.prompt ?? p.prompt;
  const variant = promptId === undefined ? undefined : promptVariant(s, promptId);
  const { embedder, reranker, rerankTopN = 50 } = s.options;
  if (mode !== 'bm25' && !embedder) throw new FathomError({ code: 'INVALID_CONFIG', message: `mode "${mode}" needs an embedding model, and this server has none: use mode "bm25" or configure "embedding".` });
  return {
    store: s.store, tenant: call.identity.tenant, principal: readerOf(call.identity), question: call.question, model: p.model, prices: s.options.prices, signal: call.signal,
    retrieval: { topK: call.k ?? p.topK, mode, embedder: mode === 'bm25' ? undefined : embedder, filter: call.filter, reranker: p.rerank && reranker ? { model: reranker, topN: rerankTopN } : undefined, ...(call.hops ? { hops: call.hops } : {}) },
    ...(p.abstentionThreshold !== undefined ? { abstention: { threshold: p.abstentionThreshold } } : {}),
    ...(call.maxOutputTokens ?? p.maxOutputTokens ? { maxOutputTokens: call.maxOutputTokens ?? p.maxOutputTokens } : {}),
    ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
    ...(variant ? { prompt: { variant } } : {}),
    metadata: { principal: call.identity.principal, groups: call.identity.groups, via: 'server', requestId: call.requestId, pipeline: name, ...(variant ? { promptVariant: variant.id } : {}) },
  };
}

/** An answer as JSON: hit vectors dropped (large, and not part of the API). */
export function answerJson(a: Answer): Answer {
  return { ...a, sources: a.sources.map((src) => (src.hit?.vector ? { ...src, hit: { ...src.hit, vector: undefined } } : src)) };
}
