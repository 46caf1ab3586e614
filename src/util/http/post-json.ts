import { FathomError } from '../errors.js';
import { httpError, snippet } from './http-error.js';

/** Options of {@link postJson}. */
export interface PostJsonOptions {
  url: string | URL;
  /** A JSON value, or a FormData sent as multipart; none for a GET. */
  body?: unknown;
  /** @default 'POST' */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Whole-request deadline, including reading the body. @default 30000 */
  timeoutMs?: number;
  abortSignal?: AbortSignal;
  /** Injected fetch (tests, proxies). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Names the provider in error messages and details, e.g. `openai-compatible`. */
  provider: string;
  /** What a 401/403 message tells the user to check. @default "check 'apiKey'." */
  authHint?: string;
  /** What a 429 message tells the user to do. */
  rateHint?: string;
  /** An empty body is `undefined` instead of a PROVIDER_BAD_RESPONSE. @default false */
  allowEmpty?: boolean;
}

/**
 * The one HTTP request of the library's providers (chat, embeddings, rerank, fine-tuning). POSTs JSON (or GETs)
 * and returns the parsed JSON body, mapping failures to FathomErrors: 401/403 →
 * PROVIDER_AUTH_FAILED, 429 → PROVIDER_RATE_LIMITED (with `details.retryAfterMs`), 408/409/5xx and
 * network errors → PROVIDER_REQUEST_FAILED (retryable), other 4xx → PROVIDER_REQUEST_FAILED (not
 * retried: see `details.status`), deadline → PROVIDER_TIMEOUT, caller abort → INTERRUPTED, unparsable
 * body → PROVIDER_BAD_RESPONSE.
 */
export async function postJson({ url: target, body, method = 'POST', headers = {}, timeoutMs = 30_000, abortSignal, fetch = globalThis.fetch, provider, authHint, rateHint, allowEmpty = false }: PostJsonOptions): Promise<unknown> {
  const url = String(target);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = abortSignal ? AbortSignal.any([abortSignal, timeout]) : timeout;
  const action = method === 'POST' && !(body instanceof FormData) ? url : `${method} ${url}`;
  const details = method === 'POST' && !(body instanceof FormData) ? { provider, url } : { provider, url, method };
  const json = body !== undefined && !(body instanceof FormData);
  let status = 0;
  let text: string;
  try {
    const response = await fetch(url, { method, headers: { ...(json ? { 'content-type': 'application/json' } : {}), accept: 'application/json', ...headers }, body: body instanceof FormData ? body : json ? JSON.stringify(body) : undefined, signal });
    status = response.status;
    text = await response.text();
    if (!response.ok) throw httpError({ provider, response, text, action, details, ...(authHint ? { authHint } : {}), ...(rateHint ? { rateHint } : {}) });
  } catch (error) {
    if (FathomError.isInstance(error)) throw error;
    if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Request to ${provider} was aborted.`, cause: abortSignal.reason, details });
    if (timeout.aborted) {
      throw new FathomError({ code: 'PROVIDER_TIMEOUT', message: `${provider} did not answer ${action} within ${timeoutMs} ms; raise 'timeoutMs' or check the server.`, cause: error, details: { ...details, timeoutMs } });
    }
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `Could not reach ${provider} at ${url}: ${reason}. Check 'baseURL' and that the server is running.`, cause: error, details: { ...details, status } });
  }
  if (allowEmpty && text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} answered ${action} with a body that is not JSON: ${snippet(text)}`, cause: error, details: { ...details, status } });
  }
}
