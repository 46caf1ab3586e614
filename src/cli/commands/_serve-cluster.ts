/**
 * `fathom serve --workers N`: N server processes (node:cluster) on one port and one store. The primary only
 * forks, restarts a worker that dies after it started listening (one that fails before stops the server with its exit
 * code), answers `/metrics` for the workers (prom-client's AggregatorRegistry sums
 * every worker's registry, so a scrape that lands on any worker sees the whole server), and on SIGTERM / SIGINT
 * passes the signal on and waits for every worker to drain. Each worker is an ordinary `fathom serve` with
 * instance id `<id>#w<i>` (its own jobs, resumed by the same worker index after a restart), 1/N of the rate
 * limit (connections are spread round-robin), and — worker 0 only — the background online scoring.
 */
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { AggregatorRegistry, type Registry } from 'prom-client';

const _WORKER_ENV = 'FATHOM_SERVE_WORKER';
const _METRICS_REQ = 'fathom:metrics-req';
const _METRICS_RES = 'fathom:metrics-res';
const _LISTENING = 'fathom:listening';

/** This process's worker index under `fathom serve --workers`, or undefined (the primary, or a single process). */
export function serveWorkerIndex(env: NodeJS.ProcessEnv): number | undefined {
  if (!cluster.isWorker) return undefined;
  const i = Number(env[_WORKER_ENV]);
  return Number.isInteger(i) && i >= 0 ? i : undefined;
}

/** Run the primary: fork `workers` processes of `fathom <args>` in `cwd`, keep them up until `signal`, then stop them and wait. */
export async function runServePrimary({ workers, args, cwd, logger, signal }: { workers: number; args: string[]; cwd: string; logger: Logger; signal?: AbortSignal }): Promise<number> {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('../../../bin/fathom.js', import.meta.url)), args, cwd, silent: false });
  const aggregator = new AggregatorRegistry();
  const byIndex = new Map<number, Worker>();
  let stopping = false;
  let listening = 0;
  let failed: number | undefined;
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const fork = (index: number) => {
    const w = cluster.fork({ [_WORKER_ENV]: String(index) });
    let started = false;
    byIndex.set(index, w);
    w.on('message', (m: { type?: string; id?: number; url?: string }) => {
      if (m?.type === _METRICS_REQ) {
        void aggregator.clusterMetrics().then(
          (text) => w.isConnected() && w.send({ type: _METRICS_RES, id: m.id, text }),
          (error: Error) => w.isConnected() && w.send({ type: _METRICS_RES, id: m.id, error: error.message }),
        );
      } else if (m?.type === _LISTENING) {
        started = true;
        if (++listening === workers) logger.info({ url: m.url, workers, pids: [...byIndex.values()].map((x) => x.process.pid) }, 'all workers listening');
      }
    });
    w.once('exit', (code, sig) => {
      if (stopping || byIndex.get(index) !== w) return;
      if (!started) {
        // It failed before listening (its own error is in the log: a port in use, a bad config): restarting would
        // fail the same way, forever. Stop the server with its exit code.
        logger.error({ worker: index, code, signal: sig }, 'worker failed to start: stopping');
        failed = code || 1;
        stop();
        return;
      }
      logger.error({ worker: index, code, signal: sig }, 'worker exited: restarting it');
      fork(index);
    });
  };
  for (let i = 0; i < workers; i++) fork(i);
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', () => stop(), { once: true });
  await stopped;
  stopping = true;
  logger.info({ workers: byIndex.size }, 'shutting down: stopping workers');
  const exits = [...byIndex.values()].map((w) => (w.isDead() ? Promise.resolve() : new Promise<void>((resolve) => w.once('exit', () => resolve()))));
  for (const w of byIndex.values()) if (!w.isDead()) w.process.kill('SIGTERM');
  await Promise.all(exits);
  logger.info('stopped');
  return failed ?? 0;
}

/**
 * In a worker: let the primary collect this registry, tell it when listening, and answer `/metrics` with the
 * aggregate of every worker (asked of the primary; this worker's own registry if the primary does not answer).
 */
export function serveWorkerHooks(registry: Registry): { clusterMetrics: () => Promise<string>; listening: (url: string) => void } {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs the worker's answer to the primary's collection requests
  let next = 0;
  const pending = new Map<number, (text: string | undefined) => void>();
  process.on('message', (m: { type?: string; id?: number; text?: string }) => {
    if (m?.type === _METRICS_RES && m.id !== undefined) pending.get(m.id)?.(m.text);
  });
  return {
    clusterMetrics: () => new Promise<string>((resolve) => {
      const id = next++;
      const timer = setTimeout(() => finish(undefined), 5000);
      const finish = (text: string | undefined) => {
        clearTimeout(timer);
        pending.delete(id);
        if (text !== undefined) resolve(text);
        else void registry.metrics().then(resolve);
      };
      pending.set(id, finish);
      process.send?.({ type: _METRICS_REQ, id });
    }),
    listening: (url) => process.send?.({ type: _LISTENING, url }),
  };
}

/** Run a worker's server, then close its channel to the primary however it ended (the channel's listeners would keep the process alive, a worker that failed to start included). */
export async function asServeWorker(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } finally {
    cluster.worker?.disconnect();
  }
}
