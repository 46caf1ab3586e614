import { FathomError } from '../errors.js';

/** Options of {@link withRetry}. */
export interface WithRetryOptions<T> {
  /** The operation; receives the 0-based attempt number. */
  fn: (attempt: number) => Promise<T>;
  /** Retries after the first attempt (so at most `maxRetries + 1` calls). @default 2 */
  maxRetries?: number;
  /** Delay before the first retry; doubles each retry, with jitter in [50%, 100%]. @default 500 */
  baseDelayMs?: number;
  /** Upper bound of any single delay, including a server's `Retry-After`. @default 60000 */
  maxDelayMs?: number;
  /** Which errors are worth retrying. @default FathomErrors whose `isRetryable` is true */
  isRetryable?: (error: unknown) => boolean;
  /** Stops waiting and retrying; the call then fails with INTERRUPTED. */
  signal?: AbortSignal;
  /** Test seams: a fake sleep and random source. */
  _internal?: { sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; random?: () => number };
}

const defaultIsRetryable = (error: unknown): boolean => FathomError.isInstance(error) && error.isRetryable;

/**
 * Runs `fn`, retrying retryable failures with exponential backoff and jitter. A FathomError carrying
 * `details.retryAfterMs` (from an HTTP `Retry-After` header) waits at least that long.
 */
export async function withRetry<T>({
  fn,
  maxRetries = 2,
  baseDelayMs = 500,
  maxDelayMs = 60_000,
  isRetryable = defaultIsRetryable,
  signal,
  _internal: { sleep = _sleep, random = Math.random } = {},
}: WithRetryOptions<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    _throwIfAborted(signal);
    try {
      return await fn(attempt);
    } catch (error) {
      if (signal?.aborted) _throwIfAborted(signal);
      if (attempt >= maxRetries || !isRetryable(error)) throw error;
      const backoff = baseDelayMs * 2 ** attempt * (0.5 + random() * 0.5);
      const retryAfter = FathomError.isInstance(error) ? Number(error.details.retryAfterMs ?? 0) : 0;
      await sleep(Math.min(maxDelayMs, Math.max(backoff, retryAfter)), signal);
    }
  }
}

function _throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw new FathomError({ code: 'INTERRUPTED', message: 'The operation was aborted.', cause: signal.reason });
}

function _sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
