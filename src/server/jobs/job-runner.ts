/**
 * Long operations (ingest, evaluation runs) run as jobs: started in the background, their status and progress
 * written to the store on every change (see `_job-store.ts`), so any server process on the store can report
 * them. Each job is owned by the instance that runs it, which writes a heartbeat every `heartbeatMs`.
 * - Cancel: aborts the job where it runs (another instance sees the request at its next heartbeat).
 * - Shutdown (`drain`): waits for running jobs up to the timeout, then aborts them at their next checkpoint
 *   and records them `interrupted`.
 * - Restart (`resume`): the instance runs its unfinished jobs again from their stored parameters; the work
 *   functions are resumable (ingest skips unchanged documents, evaluation reuses its cached results).
 */
import type { Identity, ServerJob } from '../../spec/server.js';
import { FathomError, toFathomError } from '../../util/errors.js';
import { _cancelRequested, _instanceIndex, _readJob, _readParams, _requestCancel, _writeJob, _writeParams, type _MetaStore } from './_job-store.js';

/** How to run one kind of job; `params` is the JSON given to `start` (stored, and given again on resume). */
export interface JobHandler {
  run(ctl: { job: ServerJob; identity: Identity; params: unknown; resumed: boolean; progress: (p: Record<string, unknown>) => void; signal: AbortSignal }): Promise<unknown>;
  /** Called once the job has finished for good (not when interrupted). */
  cleanup?: (params: unknown) => Promise<void>;
}

export interface JobRunner {
  /** Register how a kind of job runs (routes do, before any request). */
  handle(kind: ServerJob['kind'], handler: JobHandler): void;
  /** Start a job; returns the queued job at once. */
  start(options: { identity: Identity; kind: ServerJob['kind']; params: unknown }): Promise<ServerJob>;
  /** A job of `tenant`, from memory or from the store. */
  get(options: { tenant: string; id: string }): Promise<ServerJob | undefined>;
  /** Cancel a job of `tenant`; returns it (cancelled, or still running on another instance until its next heartbeat). */
  cancel(options: { tenant: string; id: string }): Promise<ServerJob | undefined>;
  /** Run again the jobs this instance left unfinished (after a restart); returns them. */
  resume(): Promise<ServerJob[]>;
  /** Number of jobs running in this process. */
  readonly running: number;
  /** Stop accepting jobs, wait for running ones up to `timeoutMs`, then interrupt the rest at their next checkpoint. */
  drain(timeoutMs: number): Promise<void>;
}

const _final = (s: ServerJob['status']) => s === 'succeeded' || s === 'failed' || s === 'cancelled';

export interface CreateJobRunnerOptions {
  store: _MetaStore;
  now: () => number;
  generateId: (prefix?: string) => string;
  /** @default 'default' */
  instanceId?: string;
  /** @default 5000 */
  heartbeatMs?: number;
  /** A running job whose owner has not written for this long is reported `interrupted`. @default 6 × heartbeatMs */
  staleMs?: number;
}

export function createJobRunner({ store, now, generateId, instanceId = 'default', heartbeatMs = 5000, staleMs = 6 * heartbeatMs }: CreateJobRunnerOptions): JobRunner {
  const handlers = new Map<ServerJob['kind'], JobHandler>();
  const live = new Map<string, { job: ServerJob; done: Promise<void>; abort: AbortController }>();
  const index = _instanceIndex(store, instanceId);
  let draining = false;

  const run = (job: ServerJob, identity: Identity, params: unknown, resumed: boolean) => {
    const handler = handlers.get(job.kind);
    const abort = new AbortController();
    let saving: Promise<void> = Promise.resolve();
    // Set once another incarnation of this job (a restarted instance's resume) has taken it over: this run, if it is
    // still alive (hung rather than dead), must stop writing so it cannot overwrite the newer run's state.
    let superseded = false;
    const update = (patch: Partial<ServerJob>) => {
      if (superseded) return saving;
      const t = now();
      Object.assign(job, patch, { updatedAt: t, heartbeatAt: t });
      const snapshot = { ...job };
      saving = saving.then(() => _writeJob(store, snapshot)).catch(() => undefined);
      return saving;
    };
    const done = (async () => {
      await new Promise((r) => setImmediate(r));
      const beat = setInterval(() => {
        void _readJob(store, job).then((stored) => {
          if (stored && (stored.resumed ?? 0) > (job.resumed ?? 0)) {
            superseded = true;
            clearInterval(beat);
            abort.abort('superseded');
            return;
          }
          void update({});
          void _cancelRequested(store, job).then((yes) => yes && abort.abort('cancel'), () => undefined);
        }, () => undefined);
      }, heartbeatMs);
      beat.unref();
      try {
        if (!handler) throw new FathomError({ code: 'INTERNAL', message: `No handler for ${job.kind} jobs in this server.` });
        await update({ status: 'running' });
        const result = await handler.run({ job: { ...job }, identity, params, resumed, progress: (p) => void update({ progress: p }), signal: abort.signal });
        await update(abort.signal.aborted ? { status: abort.signal.reason === 'shutdown' ? 'interrupted' : 'cancelled', result } : { status: 'succeeded', result });
      } catch (error) {
        const reason = abort.signal.aborted ? abort.signal.reason : undefined;
        const fe = toFathomError(error);
        await update(reason === 'shutdown' ? { status: 'interrupted' } : reason === 'cancel' ? { status: 'cancelled' } : { status: 'failed', error: { code: fe.code, message: fe.message } });
      } finally {
        clearInterval(beat);
        live.delete(job.id);
        if (!superseded && job.status !== 'interrupted') {
          await index.remove(job).catch(() => undefined);
          await handler?.cleanup?.(params).catch(() => undefined);
        }
      }
    })();
    live.set(job.id, { job, done, abort });
  };

  return {
    handle(kind, handler) {
      handlers.set(kind, handler);
    },
    get running() {
      return live.size;
    },
    async start({ identity, kind, params }) {
      if (draining) throw new FathomError({ code: 'INTERRUPTED', message: 'The server is shutting down and takes no new jobs: retry against another instance or after the restart.' });
      const t = now();
      const job: ServerJob = { id: generateId('job_'), kind, tenant: identity.tenant, principal: identity.principal, status: 'queued', owner: instanceId, createdAt: t, updatedAt: t, heartbeatAt: t };
      await _writeParams(store, job, { identity, params });
      await _writeJob(store, job);
      await index.add({ tenant: job.tenant, id: job.id });
      run(job, identity, params, false);
      return { ...job };
    },
    async get({ tenant, id }) {
      const mem = live.get(id);
      if (mem) return mem.job.tenant === tenant ? { ...mem.job } : undefined;
      const job = await _readJob(store, { tenant, id });
      if (!job || _final(job.status) || job.status === 'interrupted') return job;
      // Unfinished and not running here: running on a live instance, or its process stopped without a checkpoint.
      const alive = job.owner !== instanceId && now() - (job.heartbeatAt ?? job.updatedAt) < staleMs;
      return alive ? job : { ...job, status: 'interrupted' };
    },
    async cancel({ tenant, id }) {
      const mem = live.get(id);
      if (mem && mem.job.tenant === tenant) {
        mem.abort.abort('cancel');
        await mem.done;
        return { ...mem.job };
      }
      const job = await this.get({ tenant, id });
      if (!job) return undefined;
      if (_final(job.status)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Job ${id} has already finished (${job.status}): there is nothing to cancel.`, details: { id, status: job.status } });
      if (job.status === 'interrupted') {
        const cancelled: ServerJob = { ...job, status: 'cancelled', updatedAt: now() };
        await _writeJob(store, cancelled);
        return cancelled;
      }
      await _requestCancel(store, job);
      return job;
    },
    async resume() {
      const resumed: ServerJob[] = [];
      for (const ref of await index.read()) {
        const [job, stored] = await Promise.all([_readJob(store, ref), _readParams(store, ref)]);
        if (!job || _final(job.status) || live.has(ref.id)) {
          if (!live.has(ref.id)) await index.remove(ref);
          continue;
        }
        if (!stored || !handlers.has(job.kind) || (await _cancelRequested(store, ref))) {
          const status = stored && handlers.has(job.kind) ? 'cancelled' : 'failed';
          await _writeJob(store, { ...job, status, updatedAt: now(), ...(status === 'failed' ? { error: { code: 'INTERRUPTED', message: 'The server stopped while this job ran and cannot run it again: start it again.' } } : {}) });
          await index.remove(ref);
          continue;
        }
        const next: ServerJob = { ...job, status: 'queued', owner: instanceId, resumed: (job.resumed ?? 0) + 1 };
        run(next, stored.identity, stored.params, true);
        resumed.push({ ...next });
      }
      return resumed;
    },
    async drain(timeoutMs) {
      draining = true;
      const all = () => Promise.all([...live.values()].map((j) => j.done));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([all().then(() => false), new Promise<boolean>((r) => { timer = setTimeout(() => r(true), timeoutMs); })]);
      clearTimeout(timer);
      if (timedOut) {
        for (const j of live.values()) j.abort.abort('shutdown');
        await all();
      }
    },
  };
}

