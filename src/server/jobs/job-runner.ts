/**
 * Long operations (ingest) run as jobs: started in the background, their status and progress kept in
 * memory and written to the tenant's meta table (`server:job:<id>`) on every change, so status survives a
 * restart. A job interrupted by a restart is reported `failed` with INTERRUPTED when read back; re-running
 * the ingest finishes it (ingest is resumable: unchanged documents are skipped).
 */
import type { Identity, ServerJob } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';
import { FathomError, toFathomError } from '../../util/errors.js';

export interface JobRunner {
  /** Start `work`; returns the queued job at once. */
  start(options: { identity: Identity; kind: ServerJob['kind']; work: (ctl: { progress: (p: Record<string, unknown>) => void; signal: AbortSignal }) => Promise<unknown>; cleanup?: () => Promise<void> }): Promise<ServerJob>;
  /** A job of `tenant`, from memory or from the store. */
  get(options: { tenant: string; id: string }): Promise<ServerJob | undefined>;
  /** Number of jobs still running. */
  readonly running: number;
  /** Stop accepting jobs, wait for running ones up to `timeoutMs`, then abort what is left (ingest stops after its current batch). */
  drain(timeoutMs: number): Promise<void>;
}

const _key = (id: string) => `server:job:${id}`;

export function createJobRunner({ store, now, generateId }: { store: Pick<Store, 'getMeta' | 'setMeta'>; now: () => number; generateId: (prefix?: string) => string }): JobRunner {
  const live = new Map<string, { job: ServerJob; done: Promise<void>; abort: AbortController }>();
  let draining = false;
  const save = (job: ServerJob) => store.setMeta({ tenant: job.tenant, key: _key(job.id), value: JSON.stringify(job) });
  return {
    get running() {
      return [...live.values()].filter((j) => j.job.status === 'running' || j.job.status === 'queued').length;
    },
    async start({ identity, kind, work, cleanup }) {
      if (draining) throw new FathomError({ code: 'INTERRUPTED', message: 'The server is shutting down and takes no new jobs: retry against another instance or after the restart.' });
      const t = now();
      const job: ServerJob = { id: generateId('job_'), kind, tenant: identity.tenant, principal: identity.principal, status: 'queued', createdAt: t, updatedAt: t };
      await save(job);
      const abort = new AbortController();
      let saving: Promise<void> = Promise.resolve();
      const update = (patch: Partial<ServerJob>) => {
        Object.assign(job, patch, { updatedAt: now() });
        const snapshot = { ...job };
        saving = saving.then(() => save(snapshot)).catch(() => undefined);
        return saving;
      };
      const done = (async () => {
        await new Promise((r) => setImmediate(r));
        await update({ status: 'running' });
        try {
          const result = await work({ progress: (p) => void update({ progress: p }), signal: abort.signal });
          await update(abort.signal.aborted ? { status: 'cancelled', result } : { status: 'succeeded', result });
        } catch (error) {
          const fe = toFathomError(error);
          await update({ status: 'failed', error: { code: fe.code, message: fe.message } });
        } finally {
          await cleanup?.().catch(() => undefined);
        }
      })();
      live.set(job.id, { job, done, abort });
      return { ...job };
    },
    async get({ tenant, id }) {
      const mem = live.get(id);
      if (mem) return mem.job.tenant === tenant ? { ...mem.job } : undefined;
      const raw = await store.getMeta({ tenant, key: _key(id) });
      if (!raw) return undefined;
      const job = JSON.parse(raw) as ServerJob;
      // Stored as running but not live here: its process stopped.
      if (job.status === 'running' || job.status === 'queued') return { ...job, status: 'failed', error: { code: 'INTERRUPTED', message: 'The server stopped while this job ran: start the ingest again (unchanged documents are skipped).' } };
      return job;
    },
    async drain(timeoutMs) {
      draining = true;
      const all = Promise.all([...live.values()].map((j) => j.done));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([all.then(() => false), new Promise<boolean>((r) => { timer = setTimeout(() => r(true), timeoutMs); })]);
      clearTimeout(timer);
      if (timedOut) {
        for (const j of live.values()) j.abort.abort();
        await all;
      }
    },
  };
}
