import { FathomError } from '../errors.js';
import { postJson, type PostJsonOptions } from './post-json.js';
import { parseSse, type SseEvent } from './sse.js';

/** Options of {@link postSse}: those of `postJson`, with `timeoutMs` as an idle deadline. */
export interface PostSseOptions extends PostJsonOptions {
  /** Deadline for the response headers and then for each next chunk of the stream (idle time, not total time). @default 30000 */
  timeoutMs?: number;
}

/**
 * POSTs JSON and, once the server answers 2xx, returns its Server-Sent Events. HTTP errors before the
 * stream are mapped exactly as `postJson` maps them (retry this call with `withRetry`); failures while
 * reading throw FathomErrors from the iterator: PROVIDER_TIMEOUT when the server goes quiet for
 * `timeoutMs`, INTERRUPTED on abort, PROVIDER_REQUEST_FAILED when the connection drops.
 */
export async function postSse({ url, body, headers = {}, timeoutMs = 30_000, abortSignal, fetch = globalThis.fetch, provider }: PostSseOptions): Promise<AsyncGenerator<SseEvent>> {
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => deadline.abort(), timeoutMs);
  };
  const signal = abortSignal ? AbortSignal.any([abortSignal, deadline.signal]) : deadline.signal;
  const details = { provider, url };
  const fail = (error: unknown): FathomError => {
    clearTimeout(timer);
    if (FathomError.isInstance(error)) return error;
    if (abortSignal?.aborted) return new FathomError({ code: 'INTERRUPTED', message: `Request to ${provider} was aborted.`, cause: abortSignal.reason, details });
    if (deadline.signal.aborted) {
      return new FathomError({ code: 'PROVIDER_TIMEOUT', message: `${provider} sent nothing on ${url} for ${timeoutMs} ms; raise 'timeoutMs' or check the server.`, cause: error, details: { ...details, timeoutMs } });
    }
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `The connection to ${provider} at ${url} failed: ${reason}. Check 'baseURL' and that the server is running.`, cause: error, details });
  };

  arm();
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(body), signal });
    // Non-2xx: let postJson read the body and map the status exactly as for non-streaming calls.
    if (!response.ok) await postJson({ url, body, provider, timeoutMs, abortSignal, fetch: () => Promise.resolve(response) });
    if (!response.body) throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} answered ${url} without a body.`, details });
  } catch (error) {
    throw fail(error);
  }
  arm();
  const stream = response.body;
  return (async function* () {
    try {
      const chunks = (async function* () {
        for await (const chunk of stream) {
          arm();
          yield chunk as Uint8Array;
        }
      })();
      yield* parseSse(chunks);
    } catch (error) {
      throw fail(error);
    } finally {
      clearTimeout(timer);
      deadline.abort(); // also cancels the body when the consumer stops early
    }
  })();
}
