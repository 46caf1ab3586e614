import type { TuneJobRecord } from '../../spec/tune-job.js';
import { FathomError } from '../../util/errors.js';
import { _jobKey, _readIndex, type _MetaStore } from './_job-keys.js';

/** Options of {@link getTuneJob}. */
export interface GetTuneJobOptions {
  store: _MetaStore;
  tenant: string;
  /** fathom's job id (`tj_…`) or the provider's job id. */
  id: string;
}

/** A recorded job by fathom id or provider job id; undefined when the tenant has none. */
export async function getTuneJob({ store, tenant, id }: GetTuneJobOptions): Promise<TuneJobRecord | undefined> {
  const direct = await store.getMeta({ tenant, key: _jobKey(id) });
  if (direct !== undefined) return JSON.parse(direct) as TuneJobRecord;
  for (const other of await _readIndex(store, tenant)) {
    const raw = await store.getMeta({ tenant, key: _jobKey(other) });
    const job = raw === undefined ? undefined : (JSON.parse(raw) as TuneJobRecord);
    if (job?.providerJobId === id) return job;
  }
  return undefined;
}

/** Like {@link getTuneJob} but NOT_FOUND when absent. */
export async function requireTuneJob(options: GetTuneJobOptions): Promise<TuneJobRecord> {
  const job = await getTuneJob(options);
  if (!job) throw new FathomError({ code: 'NOT_FOUND', message: `No fine-tuning job '${options.id}' in tenant '${options.tenant}'; list jobs with \`fathom tune status\`.`, details: { id: options.id, tenant: options.tenant } });
  return job;
}
