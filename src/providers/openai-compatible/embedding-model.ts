import type { EmbeddingModel, EmbedResult } from '../../spec/embedding-model.js';
import { FathomError } from '../../util/errors.js';
import { postJson } from '../../util/http/post-json.js';
import { withRetry } from '../../util/http/retry.js';

/** Options of {@link createOpenAICompatibleEmbeddingModel}. */
export interface OpenAICompatibleEmbeddingOptions {
  /** API root including the version, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  modelId: string;
  /** Vector length. Required unless `modelId` is a known OpenAI model (text-embedding-3-small/large, ada-002). */
  dimensions?: number;
  /** Also send `dimensions` in the request (OpenAI text-embedding-3 models can shorten vectors). @default false */
  sendDimensions?: boolean;
  /** Values per request. @default 128 */
  maxBatchSize?: number;
  /** Extra request headers. @default {} */
  headers?: Record<string, string>;
  /** Per-request deadline. @default 30000 */
  timeoutMs?: number;
  /** Retries of rate-limited, failed (5xx) and timed-out requests. @default 3 */
  maxRetries?: number;
  /** Delay before the first retry (doubles each time; `Retry-After` wins when longer). @default 500 */
  retryBaseDelayMs?: number;
  /** Wire encoding of vectors. @default 'float' */
  encodingFormat?: 'float' | 'base64';
  /** Prefixes some models need (e5: `query: ` / `passage: `). @default '' */
  queryPrefix?: string;
  passagePrefix?: string;
  /** Whether the server returns unit vectors. @default true for known OpenAI models, else false */
  normalized?: boolean;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Test seam: fake sleep between retries. */
  _internal?: { sleep?: (ms: number) => Promise<void> };
}

const knownDimensions: Record<string, number> = { 'text-embedding-3-small': 1536, 'text-embedding-3-large': 3072, 'text-embedding-ada-002': 1536 };

/** An embedding model behind any OpenAI-compatible `POST /embeddings` endpoint (OpenAI, Ollama, vLLM, TEI, LM Studio…). */
export function createOpenAICompatibleEmbeddingModel({
  baseURL, apiKey, modelId, dimensions = knownDimensions[modelId], sendDimensions = false, maxBatchSize = 128, headers = {},
  timeoutMs = 30_000, maxRetries = 3, retryBaseDelayMs = 500, encodingFormat = 'float', queryPrefix = '', passagePrefix = '',
  normalized = modelId in knownDimensions, fetch, _internal,
}: OpenAICompatibleEmbeddingOptions): EmbeddingModel {
  if (!dimensions || !Number.isInteger(dimensions) || dimensions < 1) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `Set 'dimensions' for embedding model '${modelId}' (the length of its vectors, e.g. 768 for nomic-embed-text).`, details: { modelId } });
  }
  const url = `${baseURL.replace(/\/+$/, '')}/embeddings`;
  const auth: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  return {
    specificationVersion: 'v1', provider: 'openai-compatible', modelId, dimensions, maxBatchSize, supportsParallelCalls: true, normalized,
    async doEmbed({ values, kind = 'passage', abortSignal }): Promise<EmbedResult> {
      if (values.length === 0) return { embeddings: [] };
      const prefix = kind === 'query' ? queryPrefix : passagePrefix;
      const body = { model: modelId, input: values.map((v) => prefix + v), encoding_format: encodingFormat, ...(sendDimensions ? { dimensions } : {}) };
      const json = await withRetry({
        fn: () => postJson({ url, body, headers: { ...auth, ...headers }, timeoutMs, abortSignal, fetch, provider: 'openai-compatible' }),
        maxRetries, baseDelayMs: retryBaseDelayMs, signal: abortSignal, _internal,
      });
      return _parse(json, values.length, dimensions, { modelId, url });
    },
  };
}

function _parse(json: unknown, expected: number, dimensions: number, where: { modelId: string; url: string }): EmbedResult {
  const bad = (why: string): FathomError =>
    new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `openai-compatible returned an unexpected embeddings response from ${where.url}: ${why}.`, details: { provider: 'openai-compatible', ...where } });
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw bad("no 'data' array");
  if (data.length !== expected) throw bad(`${data.length} embeddings for ${expected} inputs`);
  const embeddings: Float32Array[] = new Array(expected);
  data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
    const index = typeof item?.index === 'number' ? item.index : position;
    if (!Number.isInteger(index) || index < 0 || index >= expected || embeddings[index]) throw bad(`bad or repeated index ${String(item?.index)}`);
    embeddings[index] = _vector(item.embedding, bad);
  });
  for (const vector of embeddings) {
    if (vector.length !== dimensions) {
      throw new FathomError({
        code: 'EMBEDDING_MISMATCH',
        message: `Embedding model '${where.modelId}' returned vectors of length ${vector.length}, but 'dimensions' is ${dimensions}. Set 'dimensions: ${vector.length}' or use the model the index was built with.`,
        details: { provider: 'openai-compatible', modelId: where.modelId, expected: dimensions, received: vector.length },
      });
    }
  }
  const usage = (json as { usage?: { prompt_tokens?: unknown; total_tokens?: unknown } }).usage;
  const tokens = Number(usage?.prompt_tokens ?? usage?.total_tokens);
  return Number.isFinite(tokens) ? { embeddings, usage: { tokens } } : { embeddings };
}

function _vector(embedding: unknown, bad: (why: string) => FathomError): Float32Array {
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    if (bytes.length % 4 !== 0) throw bad('base64 embedding is not a whole number of float32 values');
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }
  if (!Array.isArray(embedding) || embedding.some((x) => typeof x !== 'number')) throw bad("an 'embedding' is not an array of numbers");
  return Float32Array.from(embedding as number[]);
}
