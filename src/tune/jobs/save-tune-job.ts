import type { TuneJobRecord } from '../../spec/tune-job.js';
import { FathomError } from '../../util/errors.js';
import { _INDEX_KEY, _jobKey, _readIndex, type _MetaStore } from './_job-keys.js';

/** Options of {@link saveTuneJob}. */
export interface SaveTuneJobOptions {
  /** Any store; only `getMeta` / `setMeta` are used. */
  store: _MetaStore;
  tenant: string;
  job: TuneJobRecord;
}

/** Writes a job record (creating or replacing it) and adds its id to the tenant's job index. */
export async function saveTuneJob({ store, tenant, job }: SaveTuneJobOptions): Promise<void> {
  if (!tenant) throw new FathomError({ code: 'TENANT_REQUIRED', message: 'Recording a fine-tuning job needs a tenant (--tenant or config `tenant`).' });
  if (job.tenant !== tenant) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Job ${job.id} belongs to tenant '${job.tenant}', not '${tenant}'.`, details: { jobId: job.id } });
  await store.setMeta({ tenant, key: _jobKey(job.id), value: JSON.stringify(job) });
  const ids = await _readIndex(store, tenant);
  if (!ids.includes(job.id)) await store.setMeta({ tenant, key: _INDEX_KEY, value: JSON.stringify([...ids, job.id]) });
}
