import { postJson } from '../../util/http/post-json.js';
import { withRetry } from '../../util/http/retry.js';

/** Connection settings shared by every request of one backend. */
export interface _Connection {
  provider: string;
  baseURL: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  headers: Record<string, string>;
}

interface _RequestOptions {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  /** JSON body, or a FormData for multipart uploads. */
  body?: unknown;
  abortSignal?: AbortSignal;
}

/**
 * One fine-tuning API call through the providers' one request ({@link postJson}) with retries (429, 408/409/5xx,
 * network errors and timeouts); an empty body is `{}`, a JSON array `{ data }`.
 */
export async function _request(conn: _Connection, { method, path, query, body, abortSignal }: _RequestOptions): Promise<Record<string, unknown>> {
  const url = new URL(conn.baseURL.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const parsed = await withRetry({
    fn: () => postJson({
      url, method, body, abortSignal, fetch: conn.fetch, timeoutMs: conn.timeoutMs, provider: conn.provider, allowEmpty: true,
      headers: { authorization: `Bearer ${conn.apiKey}`, ...conn.headers },
      authHint: "check 'apiKey' and that the key may use fine-tuning.", rateHint: "wait or raise 'maxRetries'.",
    }),
    maxRetries: conn.maxRetries,
    baseDelayMs: conn.retryBaseDelayMs,
    signal: abortSignal,
  });
  if (parsed === undefined) return {};
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  return { data: parsed };
}
