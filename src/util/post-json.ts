import { FathomError } from './errors.js';

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
    if (!response.ok) throw _httpError(provider, url, response, text);
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
    throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} answered ${url} with a body that is not JSON: ${_snippet(text)}`, cause: error, details: { ...details, status } });
  }
}

function _httpError(provider: string, url: string, response: Response, text: string): FathomError {
  const status = response.status;
  const serverMessage = _serverMessage(text);
  const details: Record<string, unknown> = { provider, url, status, serverMessage };
  if (status === 401 || status === 403) {
    return new FathomError({ code: 'PROVIDER_AUTH_FAILED', message: `${provider} rejected the credentials (HTTP ${status}: ${serverMessage}); check 'apiKey'.`, details });
  }
  if (status === 429) {
    const retryAfterMs = _retryAfterMs(response.headers.get('retry-after'));
    if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
    return new FathomError({ code: 'PROVIDER_RATE_LIMITED', message: `${provider} is rate limiting requests (HTTP 429: ${serverMessage}); lower concurrency or wait.`, details });
  }
  const retryable = status >= 500 || status === 408 || status === 409;
  const error = new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `${provider} failed at ${url} (HTTP ${status}: ${serverMessage}).`, details });
  if (!retryable) Object.defineProperty(error, 'isRetryable', { value: false });
  return error;
}

function _serverMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message ?? parsed.detail);
    if (typeof message === 'string') return _snippet(message);
  } catch {
    // not JSON: fall through to the raw text
  }
  return _snippet(text) || 'no body';
}

function _retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function _snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
