import { Worker } from 'node:worker_threads';
import type { LoadEvent, LoaderLimits, LoaderOptions } from '../../spec/loader.js';
import { skipFromError } from '../loaders/skip-from-error.js';
import { limitExceeded } from './limit-exceeded.js';
import type { TimedLoadEvent } from './timed-load-event.js';

/** One file for the parser worker. */
export interface _ParseJob {
  id: number;
  /** Name of a built-in whole-file loader (`fileLoaders`). */
  loader: string;
  path: string;
  relativePath: string;
  modifiedAt?: number;
  options: LoaderOptions;
  limits: LoaderLimits;
  /** The file's wall-time budget, ms (set by the pool; the worker turns it into the loader's `deadline`). */
  timeoutMs?: number;
}

/** Parses whole files in a worker thread, one at a time, within a wall-time and heap budget. */
export interface ParsePool {
  /**
   * The file's events, each document with `loadMs` (the parse's wall time, charged to the file's budget);
   * over budget → one LIMIT_EXCEEDED skip (the worker is terminated and replaced).
   */
  parse(job: Omit<_ParseJob, 'id'>, budget: { timeoutMs: number }): Promise<TimedLoadEvent[]>;
  close(): Promise<void>;
}

const _pools = new Map<number, ParsePool>();

/**
 * The process's parse pool for a heap size (one worker, started on first use, kept idle and unref'd
 * between files and runs so the next ingest does not pay its start-up again).
 */
export function sharedParsePool(memoryMb: number): ParsePool {
  let pool = _pools.get(memoryMb);
  if (!pool) _pools.set(memoryMb, (pool = createParsePool({ memoryMb })));
  return pool;
}

export function createParsePool({ memoryMb }: { memoryMb: number }): ParsePool {
  let worker: { thread: Worker; ready: Promise<void> } | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const spawn = (): { thread: Worker; ready: Promise<void> } => {
    const here = import.meta.url;
    const w = here.endsWith('.ts')
      ? // A checkout runs the TypeScript sources: the worker registers tsx itself (hooks are per thread).
        new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./_parse-worker.ts', here).href)}); })`, {
          eval: true,
          resourceLimits: { maxOldGenerationSizeMb: memoryMb },
        })
      : new Worker(new URL('./_parse-worker.js', here), { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    w.unref();
    // Settles on the worker's first message; a worker that dies first is handled by the job's listeners.
    const ready = new Promise<void>((resolve) => {
      const settle = () => {
        w.off('message', settle);
        w.off('error', settle);
        w.off('exit', settle);
        resolve();
      };
      w.on('message', settle);
      w.on('error', settle);
      w.on('exit', settle);
    });
    return { thread: w, ready };
  };

  const runOne = async (job: _ParseJob, timeoutMs: number): Promise<TimedLoadEvent[]> => {
    const current = (worker ??= spawn());
    const w = current.thread;
    w.ref();
    await current.ready;
    return new Promise((resolve) => {
      let settled = false;
      const done = (events: LoadEvent[], kill = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (worker === current) worker = undefined;
          void w.terminate();
        } else w.unref();
        resolve(events);
      };
      const skip = (error: unknown) => [{ type: 'skip', skip: skipFromError(error, job.relativePath, job.loader) }] as LoadEvent[];
      const onMessage = (m: { id: number; events: LoadEvent[]; loadMs: number }) => {
        if (m.id === job.id) done(m.events.map((e) => (e.type === 'document' ? { ...e, loadMs: m.loadMs } : e)));
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') done(skip(limitExceeded({ path: job.relativePath, limit: 'memoryMb', value: memoryMb, max: memoryMb, what: 'parsing it needed', atLeast: true })), true);
        else done(skip(new Error(`the parser worker failed: ${error.message}`)), true);
      };
      const onExit = (code: number) => done(skip(new Error(`the parser worker stopped (exit code ${code})`)), true);
      // The timer may fire late, after the main thread chunked another file: a result already posted is
      // delivered before the next check phase, so it wins over the timeout.
      const timeout = () => done(skip(limitExceeded({ path: job.relativePath, limit: 'fileTimeoutMs', value: timeoutMs, max: timeoutMs, what: 'parsing took', atLeast: true })), true);
      const timer = setTimeout(() => setImmediate(timeout), timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ ...job, timeoutMs });
    });
  };

  return {
    parse(job, { timeoutMs }) {
      const run = queue.then(() => runOne({ ...job, id: nextId++ }, timeoutMs));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.thread.terminate();
    },
  };
}
