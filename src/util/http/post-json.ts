import { FathomError } from '../errors.js';
import { httpError, snippet } from './http-error.js';

/** Options of {@link postJson}. */
export interface PostJsonOptions {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  /** Whole-request deadline, including reading the body. @default 30000 */
  timeoutMs?: number;
  abortSignal?: AbortSignal;
  /** Injected fetch (tests, proxies). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Names the provider in error messages and details, e.g. `openai-compatible`. */
  provider: string;
}

/**
 * POSTs JSON and returns the parsed JSON body, mapping failures to FathomErrors: 401/403 →
 * PROVIDER_AUTH_FAILED, 429 → PROVIDER_RATE_LIMITED (with `details.retryAfterMs`), 408/409/5xx and
 * network errors → PROVIDER_REQUEST_FAILED (retryable), other 4xx → PROVIDER_REQUEST_FAILED (not
 * retried: see `details.status`), deadline → PROVIDER_TIMEOUT, caller abort → INTERRUPTED, unparsable
 * body → PROVIDER_BAD_RESPONSE.
 */
export async function postJson({ url, body, headers = {}, timeoutMs = 30_000, abortSignal, fetch = globalThis.fetch, provider }: PostJsonOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = abortSignal ? AbortSignal.any([abortSignal, timeout]) : timeout;
  const details = { provider, url };
  let status = 0;
  let text: string;
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body), signal });
    status = response.status;
    text = await response.text();
    if (!response.ok) throw httpError({ provider, response, text, action: url, details: { provider, url } });
  } catch (error) {
    if (FathomError.isInstance(error)) throw error;
    if (abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Request to ${provider} was aborted.`, cause: abortSignal.reason, details });
    if (timeout.aborted) {
      throw new FathomError({ code: 'PROVIDER_TIMEOUT', message: `${provider} did not answer ${url} within ${timeoutMs} ms; raise 'timeoutMs' or check the server.`, cause: error, details: { ...details, timeoutMs } });
    }
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `Could not reach ${provider} at ${url}: ${reason}. Check 'baseURL' and that the server is running.`, cause: error, details: { ...details, status } });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} answered ${url} with a body that is not JSON: ${snippet(text)}`, cause: error, details: { ...details, status } });
  }
}
