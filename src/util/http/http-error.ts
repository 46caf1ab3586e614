/**
 * Maps a provider's non-2xx HTTP response to a FathomError: 401/403 → PROVIDER_AUTH_FAILED, 429 →
 * PROVIDER_RATE_LIMITED (with `retryAfterMs` from `retry-after-ms` or `retry-after`, seconds or an HTTP date),
 * 5xx/408/409 → PROVIDER_REQUEST_FAILED (retryable), other 4xx → PROVIDER_REQUEST_FAILED (not retryable).
 * The server's own message (OpenAI/Anthropic/Cohere error shapes) is quoted in the message and `details`.
 */
import { FathomError } from '../errors.js';

export interface HttpErrorOptions {
  provider: string;
  response: Response;
  /** The response body, already read. */
  text: string;
  /** What was attempted, e.g. `POST https://…/files`. */
  action: string;
  details?: Record<string, unknown>;
  /** Appended to the auth message. @default "check 'apiKey'." */
  authHint?: string;
  /** Appended to the rate-limit message. @default 'lower concurrency or wait.' */
  rateHint?: string;
}

export function httpError({ provider, response, text, action, details: base = {}, authHint = "check 'apiKey'.", rateHint = 'lower concurrency or wait.' }: HttpErrorOptions): FathomError {
  const status = response.status;
  const serverMessage = serverMessageOf(text);
  const details: Record<string, unknown> = { ...base, status, serverMessage };
  if (status === 401 || status === 403) {
    return new FathomError({ code: 'PROVIDER_AUTH_FAILED', message: `${provider} rejected the credentials (HTTP ${status}: ${serverMessage}); ${authHint}`, details });
  }
  if (status === 429) {
    const retryAfterMs = retryAfterMsOf(response.headers);
    if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
    return new FathomError({ code: 'PROVIDER_RATE_LIMITED', message: `${provider} is rate limiting requests (HTTP 429: ${serverMessage}); ${rateHint}`, details });
  }
  const retryable = status >= 500 || status === 408 || status === 409;
  const error = new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `${provider} failed at ${action} (HTTP ${status}: ${serverMessage}).`, details });
  if (!retryable) Object.defineProperty(error, 'isRetryable', { value: false });
  return error;
}

/** The error message a provider put in its body, or the body itself, shortened. */
export function serverMessageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message ?? parsed.detail);
    if (typeof message === 'string') return snippet(message);
  } catch {
    // not JSON: use the raw text
  }
  return snippet(text) || 'no body';
}

/** Milliseconds to wait from `retry-after-ms`, or `retry-after` (seconds or an HTTP date). */
export function retryAfterMsOf(headers: Headers): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms)) return Math.max(0, ms);
  const header = headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Whitespace folded, at most 200 characters. */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
