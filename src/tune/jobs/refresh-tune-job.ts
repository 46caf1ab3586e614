import type { TuneBackend, TuneEvent, TuneJob } from '../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../spec/tune-job.js';
import { FathomError } from '../../util/errors.js';
import { followJob } from './follow-job.js';
import type { _MetaStore } from './_job-keys.js';
import { _mergeJob } from './_merge-job.js';
import { requireTuneJob } from './get-tune-job.js';
import { saveTuneJob } from './save-tune-job.js';
import type { CancelTuneJobOptions } from './cancel-tune-job.js';

/** Options of {@link refreshTuneJob}: the same as {@link cancelTuneJob}'s (a store, a tenant, a backend and a job id). */
export type RefreshTuneJobOptions = CancelTuneJobOptions;

const terminal = new Set(['succeeded', 'failed', 'cancelled', 'exported']);

/**
 * Asks the provider once for the job's status and events and stores what changed. Jobs already finished
 * (or trainer bundles) are returned unchanged without a request.
 */
export async function refreshTuneJob({ store, tenant, backend, id, signal, _internal: { now = Date.now } = {} }: RefreshTuneJobOptions): Promise<TuneJobRecord> {
  const record = await requireTuneJob({ store, tenant, id });
  if (terminal.has(record.status) || !record.providerJobId) return record;
  const { job, events } = await _pollOnce(backend, record.providerJobId, signal);
  const next = _mergeJob(record, job, events, now());
  await saveTuneJob({ store, tenant, job: next });
  return next;
}

/** One poll through `followJob` (which knows each provider's event paging): stop right after the first status. */
async function _pollOnce(backend: TuneBackend, jobId: string, signal?: AbortSignal): Promise<{ job: TuneJob; events: TuneEvent[] }> {
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  const events: TuneEvent[] = [];
  let job: TuneJob | undefined;
  try {
    await followJob({ backend, jobId, signal: stop.signal, pollMs: 0, onEvent: (e) => events.push(e), onStatus: (j) => { job = j; stop.abort(); } });
  } catch (error) {
    // Failed, cancelled and "stopped following" all arrive as errors once the status is known.
    if (!job || !FathomError.isInstance(error)) throw error;
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }
  return { job: job!, events };
}
