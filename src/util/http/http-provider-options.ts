/**
 * Connection options every HTTP provider takes (each provider documents its own defaults next to its options).
 */
export interface HttpProviderOptions {
  /** Extra request headers. @default {} */
  headers?: Record<string, string>;
  /** Deadline of one request, in ms (for streams: of the headers and of each gap between chunks). */
  timeoutMs?: number;
  /** Retries of rate-limited, overloaded (5xx) and timed-out requests. */
  maxRetries?: number;
  /** Delay before the first retry, in ms (doubles each time; `Retry-After` wins when longer). @default 500 */
  retryBaseDelayMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Test seam: fake sleep between retries. */
  _internal?: { sleep?: (ms: number) => Promise<void> };
}
