import { _errorBody, _startScriptedServer, type ScriptedServer, type ServerScriptStep } from './_scripted-server.js';

export type { ScriptedServer, ServerScriptStep };

/** Wire shapes of rerank APIs: Cohere (`/v2/rerank`), Jina (`/v1/rerank`), Hugging Face TEI (`/rerank`). */
export type RerankShape = 'cohere' | 'jina' | 'tei';

/** Options of {@link startRerankServer}. */
export interface RerankServerOptions {
  shape: RerankShape;
  /** Scores one document for a query, in [0, 1]. @default the share of query words found in the document */
  score?: (query: string, document: string) => number;
  script?: ServerScriptStep[];
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  apiKey?: string;
}

/** Default scorer: fraction of the query's lowercase words that occur in the document. */
export function overlapScore(query: string, document: string): number {
  const words = query.toLowerCase().split(/\W+/).filter(Boolean);
  if (words.length === 0) return 0;
  const doc = new Set(document.toLowerCase().split(/\W+/));
  return words.filter((w) => doc.has(w)).length / words.length;
}

/**
 * A real HTTP server on 127.0.0.1 speaking one rerank wire shape exactly (results sorted by score,
 * `top_n` honoured), with scriptable faults and a request log. The URL to use as `baseURL` is `url`.
 */
export function startRerankServer({ shape, score = overlapScore, script = [], apiKey }: RerankServerOptions): Promise<ScriptedServer> {
  return _startScriptedServer({
    script,
    basePath: shape === 'cohere' ? '/v2' : shape === 'jina' ? '/v1' : '',
    handle: (request) => {
      if (apiKey !== undefined && request.headers.authorization !== `Bearer ${apiKey}`) return { status: 401, body: { message: 'invalid api token' } };
      if (request.method !== 'POST' || request.path !== '/rerank') return { status: 404, body: _errorBody(`No route ${request.method} ${request.path}`) };
      const body = (request.body ?? {}) as { query?: unknown; documents?: unknown; texts?: unknown; top_n?: unknown; raw_scores?: unknown };
      const documents = shape === 'tei' ? body.texts : body.documents;
      if (typeof body.query !== 'string' || !Array.isArray(documents) || documents.some((d) => typeof d !== 'string')) {
        return { status: shape === 'tei' ? 422 : 400, body: { message: `expected 'query' and '${shape === 'tei' ? 'texts' : 'documents'}' (strings)` } };
      }
      const query = body.query;
      const ranked = (documents as string[])
        .map((document, index) => ({ index, score: score(query, document) }))
        .sort((a, b) => b.score - a.score);
      const topN = typeof body.top_n === 'number' ? body.top_n : ranked.length;
      if (shape === 'tei') {
        const raw = body.raw_scores === true;
        return { status: 200, body: ranked.map(({ index, score: s }) => ({ index, score: raw ? Math.log(s / (1 - s + 1e-9) + 1e-9) : s })) };
      }
      const results = ranked.slice(0, topN).map(({ index, score: s }) => ({ index, relevance_score: s }));
      if (shape === 'cohere') return { status: 200, body: { id: 'rerank-test', results, meta: { billed_units: { search_units: 1 } } } };
      const tokens = [query, ...(documents as string[])].join(' ').split(/\s+/).length;
      return { status: 200, body: { model: 'test-reranker', usage: { total_tokens: tokens }, results } };
    },
  });
}
