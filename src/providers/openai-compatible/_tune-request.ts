import { FathomError } from '../../util/errors.js';
import { httpError, snippet } from '../../util/http/http-error.js';
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
 * One HTTP call with retries: 401/403 → PROVIDER_AUTH_FAILED, 429 → PROVIDER_RATE_LIMITED (retried, honours
 * `retry-after-ms` / `retry-after`), 408/409/5xx and network errors → PROVIDER_REQUEST_FAILED (retried),
 * other 4xx → PROVIDER_REQUEST_FAILED (not retried), deadline → PROVIDER_TIMEOUT (retried).
 */
export async function _request(conn: _Connection, options: _RequestOptions): Promise<Record<string, unknown>> {
  return withRetry({
    fn: () => _once(conn, options),
    maxRetries: conn.maxRetries,
    baseDelayMs: conn.retryBaseDelayMs,
    signal: options.abortSignal,
  });
}

async function _once(conn: _Connection, { method, path, query, body, abortSignal }: _RequestOptions): Promise<Record<string, unknown>> {
  const url = new URL(conn.baseURL.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const timeout = AbortSignal.timeout(conn.timeoutMs);
  const signal = abortSignal ? AbortSignal.any([abortSignal, timeout]) : timeout;
  const details = { provider: conn.provider, url: url.toString(), method };
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${conn.apiKey}`, ...conn.headers };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let text: string;
  let status = 0;
  try {
    const response = await conn.fetch(url, { method, headers, body: payload, signal });
    status = response.status;
    text = await response.text();
    if (!response.ok) throw httpError({ provider: conn.provider, response, text, action: `${method} ${url}`, details, authHint: "check 'apiKey' and that the key may use fine-tuning.", rateHint: "wait or raise 'maxRetries'." });
  } catch (error) {
    if (FathomError.isInstance(error)) throw error;
    if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Request to ${conn.provider} was aborted.`, cause: abortSignal.reason, details });
    if (timeout.aborted) {
      throw new FathomError({ code: 'PROVIDER_TIMEOUT', message: `${conn.provider} did not answer ${method} ${url} within ${conn.timeoutMs} ms; raise 'timeoutMs' or check the service status.`, cause: error, details });
    }
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `Could not reach ${conn.provider} at ${url}: ${reason}. Check 'baseURL' and the network.`, cause: error, details: { ...details, status } });
  }
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return { data: parsed };
  } catch (error) {
    throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${conn.provider} answered ${method} ${url} with a body that is not JSON: ${snippet(text)}`, cause: error, details: { ...details, status } });
  }
}
