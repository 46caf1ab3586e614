import type { TuneJobRecord } from '../../spec/tune-job.js';
import { _jobKey, _readIndex, type _MetaStore } from './_job-keys.js';

/** Options of {@link listTuneJobs}. */
export interface ListTuneJobsOptions {
  store: _MetaStore;
  tenant: string;
}

/** Every recorded job of a tenant, newest first. */
export async function listTuneJobs({ store, tenant }: ListTuneJobsOptions): Promise<TuneJobRecord[]> {
  const jobs: TuneJobRecord[] = [];
  for (const id of await _readIndex(store, tenant)) {
    const raw = await store.getMeta({ tenant, key: _jobKey(id) });
    if (raw !== undefined) jobs.push(JSON.parse(raw) as TuneJobRecord);
  }
  return jobs.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
