import type { TuneBackend } from '../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../spec/tune-job.js';
import { FathomError } from '../../util/errors.js';
import type { _MetaStore } from './_job-keys.js';
import { _mergeJob } from './_merge-job.js';
import { requireTuneJob } from './get-tune-job.js';
import { saveTuneJob } from './save-tune-job.js';

/** Options of {@link cancelTuneJob}. */
export interface CancelTuneJobOptions {
  store: _MetaStore;
  tenant: string;
  backend: TuneBackend;
  /** fathom or provider job id. */
  id: string;
  signal?: AbortSignal;
  _internal?: { now?: () => number };
}

/** Asks the provider to cancel a recorded hosted job and stores the status it reports back. */
export async function cancelTuneJob({ store, tenant, backend, id, signal, _internal: { now = Date.now } = {} }: CancelTuneJobOptions): Promise<TuneJobRecord> {
  const record = await requireTuneJob({ store, tenant, id });
  if (!record.providerJobId) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Job ${record.id} is a ${record.backend} trainer bundle; stop it on the machine running it.`, details: { id: record.id } });
  if (['succeeded', 'failed', 'cancelled'].includes(record.status)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Job ${record.id} has already finished (${record.status}); there is nothing to cancel.`, details: { id: record.id, status: record.status } });
  }
  if (!backend.capabilities.supportsCancel) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${backend.provider} does not support cancelling jobs; cancel ${record.providerJobId} in the provider's console.` });
  const job = await backend.doCancel({ jobId: record.providerJobId, abortSignal: signal });
  const next = _mergeJob(record, job, job.events ?? [], now());
  await saveTuneJob({ store, tenant, job: next });
  return next;
}
