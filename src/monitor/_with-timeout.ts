/**
 * Run `work` with a signal aborted after `ms` (or when `signal` aborts): resolves to 'timeout' when the time ran out
 * first, even if `work` ignores its signal. Without `ms`, `work` runs with `signal` as is.
 */
export async function _withTimeout<T>(ms: number | undefined, signal: AbortSignal | undefined, work: (signal: AbortSignal | undefined) => Promise<T>): Promise<T | 'timeout'> {
  if (ms === undefined) return work(signal);
  const timer = new AbortController();
  const combined = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
  let handle: NodeJS.Timeout | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    handle = setTimeout(() => {
      timer.abort();
      resolve('timeout');
    }, ms);
  });
  const running = work(combined);
  try {
    return await Promise.race([running, expired]);
  } catch (error) {
    if (timer.signal.aborted && !signal?.aborted) return 'timeout'; // the call failed because the time ran out
    throw error;
  } finally {
    clearTimeout(handle);
    running.catch(() => undefined); // a late failure of an abandoned call is not unhandled
  }
}
