import type { Reranker, RerankResult } from '../../spec/reranker.js';
import { FathomError } from '../../util/errors.js';
import { postJson } from '../../util/http/post-json.js';
import { withRetry } from '../../util/http/retry.js';
import type { HttpProviderOptions } from '../../util/http/http-provider-options.js';

/**
 * Options of {@link createHttpReranker}. Connection (`HttpProviderOptions`): `timeoutMs` @default 30000, `maxRetries` @default 3, `retryBaseDelayMs` @default 500.
 */
export interface HttpRerankerOptions extends HttpProviderOptions {
  /** API root; the request goes to `${baseURL}/rerank` (Cohere `https://api.cohere.com/v2`, Jina `https://api.jina.ai/v1`, TEI `http://host:8080`). */
  baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  /** Sent as `model` (ignored by TEI, which serves one model). */
  modelId: string;
  /** Wire shape: `cohere` and `jina` send `documents` + `top_n`; `tei` sends `texts`. */
  shape: 'cohere' | 'jina' | 'tei';
  /** Documents per request; longer lists are split and scored in several requests. @default 100 */
  maxBatchSize?: number;
}

/** A reranker behind a Cohere-, Jina- or TEI-style `POST /rerank` endpoint. Scores are the server's relevance in [0, 1]. */
export function createHttpReranker({
  baseURL, apiKey, modelId, shape, maxBatchSize = 100, headers = {}, timeoutMs = 30_000, maxRetries = 3, retryBaseDelayMs = 500, fetch, _internal,
}: HttpRerankerOptions): Reranker {
  const url = `${baseURL.replace(/\/+$/, '')}/rerank`;
  const allHeaders = { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...headers };
  const provider = `http-rerank/${shape}`;

  const call = async (query: string, documents: string[], abortSignal?: AbortSignal): Promise<RerankResult> => {
    const body = shape === 'tei'
      ? { query, texts: documents, raw_scores: false, truncate: true }
      : { model: modelId, query, documents, top_n: documents.length, return_documents: false };
    const json = await withRetry({
      fn: () => postJson({ url, body, headers: allHeaders, timeoutMs, abortSignal, fetch, provider }),
      maxRetries, baseDelayMs: retryBaseDelayMs, signal: abortSignal, _internal,
    });
    return _parse(json, documents.length, shape, provider, url);
  };

  return {
    specificationVersion: 'v1', provider: 'http-rerank', modelId, maxBatchSize, scoresAreProbabilities: true,
    async doRerank({ query, documents, abortSignal }): Promise<RerankResult> {
      const scores: number[] = [];
      let tokens: number | undefined;
      let searchUnits: number | undefined;
      for (let start = 0; start < documents.length; start += maxBatchSize) {
        const part = await call(query, documents.slice(start, start + maxBatchSize), abortSignal);
        scores.push(...part.scores);
        if (part.usage?.tokens !== undefined) tokens = (tokens ?? 0) + part.usage.tokens;
        if (part.usage?.searchUnits !== undefined) searchUnits = (searchUnits ?? 0) + part.usage.searchUnits;
      }
      if (tokens === undefined && searchUnits === undefined) return { scores };
      return { scores, usage: { ...(tokens !== undefined ? { tokens } : {}), ...(searchUnits !== undefined ? { searchUnits } : {}) } };
    },
  };
}

function _parse(json: unknown, expected: number, shape: HttpRerankerOptions['shape'], provider: string, url: string): RerankResult {
  const bad = (why: string): FathomError =>
    new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} returned an unexpected rerank response from ${url}: ${why}.`, details: { provider, url } });
  const results = shape === 'tei' ? json : (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw bad(shape === 'tei' ? 'expected an array of {index, score}' : "no 'results' array");
  const scores: number[] = new Array(expected).fill(Number.NaN);
  for (const item of results as Array<Record<string, unknown>>) {
    const index = item?.index;
    const score = shape === 'tei' ? item?.score : item?.relevance_score;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expected) throw bad(`bad index ${String(index)}`);
    if (typeof score !== 'number' || !Number.isFinite(score)) throw bad(`bad score for index ${index}`);
    scores[index] = score;
  }
  const missing = scores.findIndex(Number.isNaN);
  if (missing >= 0) throw bad(`no score for document ${missing}`);
  const meta = json as { usage?: { total_tokens?: unknown }; meta?: { billed_units?: { search_units?: unknown } } };
  const tokens = typeof meta.usage?.total_tokens === 'number' ? meta.usage.total_tokens : undefined;
  const searchUnits = typeof meta.meta?.billed_units?.search_units === 'number' ? meta.meta.billed_units.search_units : undefined;
  if (tokens === undefined && searchUnits === undefined) return { scores };
  return { scores, usage: { ...(tokens !== undefined ? { tokens } : {}), ...(searchUnits !== undefined ? { searchUnits } : {}) } };
}
