import type { TuneBackend, TuneEvent, TuneJob } from '../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../spec/tune-job.js';
import { FathomError } from '../../util/errors.js';
import { followJob } from './follow-job.js';
import type { _MetaStore } from './_job-keys.js';
import { _mergeJob } from './_merge-job.js';
import { requireTuneJob } from './get-tune-job.js';
import { saveTuneJob } from './save-tune-job.js';

/** Options of {@link followTuneJob}. */
export interface FollowTuneJobOptions {
  store: _MetaStore;
  tenant: string;
  backend: TuneBackend;
  /** fathom or provider job id. */
  id: string;
  /** Live events, oldest first (each once). */
  onEvent?: (event: TuneEvent) => void;
  onStatus?: (job: TuneJob) => void;
  /** @default 10000 */
  pollMs?: number;
  /** Stops following (the job keeps running); the record keeps what was seen. */
  signal?: AbortSignal;
  _internal?: { now?: () => number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> };
}

/**
 * Follows a recorded hosted job to its end, storing status and events after every poll. Resolves with the
 * final record on success; on failure or cancellation the record is stored and TUNE_JOB_FAILED /
 * TUNE_JOB_CANCELLED is thrown (INTERRUPTED when `signal` stops it).
 */
export async function followTuneJob({ store, tenant, backend, id, onEvent, onStatus, pollMs, signal, _internal: { now = Date.now, sleep } = {} }: FollowTuneJobOptions): Promise<TuneJobRecord> {
  let record = await requireTuneJob({ store, tenant, id });
  if (!record.providerJobId) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Job ${record.id} is a ${record.backend} trainer bundle; it runs on your GPU machine, not at a provider.`, details: { id: record.id } });
  const known = new Set(record.events.map((e) => e.id));
  let pending: TuneEvent[] = [];
  const save = async (job: TuneJob | undefined): Promise<void> => {
    record = _mergeJob(record, job, pending, now());
    pending = [];
    await saveTuneJob({ store, tenant, job: record });
  };
  let last: TuneJob | undefined;
  let chain = Promise.resolve();
  try {
    await followJob({
      backend, jobId: record.providerJobId, pollMs, signal, _internal: sleep ? { sleep } : {},
      onEvent: (e) => {
        pending.push(e);
        if (!known.has(e.id)) onEvent?.(e);
      },
      onStatus: (job) => {
        last = job;
        onStatus?.(job);
        const snapshot = job;
        chain = chain.then(() => save(snapshot));
      },
    });
  } finally {
    await chain;
    if (pending.length > 0 || last) await save(last);
  }
  return record;
}
