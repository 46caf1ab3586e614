/**
 * `POST /v1/search`: retrieve() with every option of `fathom search`, scoped to the caller's tenant.
 * Runs as the identity's principal: documents its access lists hide are never candidates.
 */
import type { Hono } from 'hono';
import { retrieve } from '../../retrieve/index.js';
import type { FusionOptions } from '../../spec/retrieve.js';
import type { SearchRequest } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { searchRequestSchema } from '../schemas/request-schemas.js';
import { reportRetrieval } from '../trace-stages.js';
import { validateBody } from '../validate-body.js';
import { readerOf } from '../reader-of.js';
import { readJson } from './_read-json.js';

export function searchRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.post('/v1/search', async (c) => {
    const body = validateBody<SearchRequest>(searchRequestSchema, await readJson(c));
    const { embedder, reranker, rerankTopN = 50 } = s.options;
    const mode = body.mode ?? s.search.mode;
    if (mode !== 'bm25' && !embedder) throw new FathomError({ code: 'INVALID_CONFIG', message: `mode "${mode}" needs an embedding model, and this server has none: use mode "bm25" or configure "embedding".` });
    if (body.mmr && !embedder) throw new FathomError({ code: 'INVALID_CONFIG', message: 'mmr compares chunk embeddings and this server has no embedding model: drop "mmr" or configure "embedding".' });
    if (body.rerank && !reranker) throw new FathomError({ code: 'INVALID_CONFIG', message: 'rerank needs a reranker and this server has none: drop "rerank" or configure "rerank".' });
    const identity = c.get('identity');
    const startedAt = s.now();
    const t0 = performance.now();
    const result = await retrieve({
      store: s.store, tenant: identity.tenant, principal: readerOf(identity), query: body.query, mode, topK: body.k ?? s.search.topK, embedder,
      fusion: body.fusion as FusionOptions | undefined, filter: body.filter,
      reranker: body.rerank && reranker ? { model: reranker, topN: rerankTopN } : undefined,
      mmr: body.mmr ? (typeof body.mmr === 'object' ? body.mmr : {}) : undefined,
      expand: body.parent ? 'parent' : undefined,
      recency: body.halfLifeDays ? { halfLifeDays: body.halfLifeDays } : undefined,
      signal: c.get('signal'),
    });
    const latencyMs = performance.now() - t0;
    reportRetrieval({ tracer: s.tracer, parent: c.get('span'), metrics: s.metrics, startedAt }, result.trace, result.hits.length, latencyMs);
    const hits = result.hits.map(({ vector: _v, ...h }) => h);
    return c.json({ query: body.query, tenant: identity.tenant, mode, latencyMs, trace: result.trace, hits });
  });
}
