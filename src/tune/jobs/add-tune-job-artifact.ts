import type { TuneJobArtifact, TuneJobRecord } from '../../spec/tune-job.js';
import type { _MetaStore } from './_job-keys.js';
import { requireTuneJob } from './get-tune-job.js';
import { saveTuneJob } from './save-tune-job.js';

/** Options of {@link addTuneJobArtifact}. */
export interface AddTuneJobArtifactOptions {
  store: _MetaStore;
  tenant: string;
  /** fathom or provider job id. */
  id: string;
  /** `at` defaults to now. */
  artifact: Omit<TuneJobArtifact, 'at'> & { at?: string };
  _internal?: { now?: () => number };
}

/** Attaches an artifact (a registered model, a gate report, a bundle…) to a recorded job. */
export async function addTuneJobArtifact({ store, tenant, id, artifact, _internal: { now = Date.now } = {} }: AddTuneJobArtifactOptions): Promise<TuneJobRecord> {
  const record = await requireTuneJob({ store, tenant, id });
  const at = now();
  const next: TuneJobRecord = { ...record, artifacts: [...record.artifacts, { ...artifact, at: artifact.at ?? new Date(at).toISOString() }], updatedAt: at };
  await saveTuneJob({ store, tenant, job: next });
  return next;
}
