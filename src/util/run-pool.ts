/**
 * Runs `task(0) … task(count − 1)` with at most `concurrency` in flight, in index order of start: the one worker
 * pool of the library (embedding batches, evaluation items, contextual headers). A lane stops when `task`
 * returns `false` or `signal` is aborted before its next task; the first error rejects the whole run (the
 * tasks already started finish on their own).
 */
export async function runPool({ count, concurrency, signal, task }: {
  /** Number of tasks. */
  count: number;
  /** Tasks in flight at most (at least 1). */
  concurrency: number;
  /** Stops starting new tasks once aborted (the caller decides what an abort means). */
  signal?: AbortSignal;
  task: (index: number) => Promise<void | boolean>;
}): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count && !signal?.aborted) {
      if ((await task(next++)) === false) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
}
