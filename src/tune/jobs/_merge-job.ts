import type { TuneEvent, TuneJob } from '../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../spec/tune-job.js';

/** The record updated with what the provider last reported: status, result, error and new events (deduplicated by id, oldest first). */
export function _mergeJob(record: TuneJobRecord, job: TuneJob | undefined, events: readonly TuneEvent[], now: number): TuneJobRecord {
  const known = new Set(record.events.map((e) => e.id));
  const merged = [...record.events, ...events.filter((e) => !known.has(e.id) && known.add(e.id))].sort((a, b) => a.createdAt - b.createdAt);
  const next: TuneJobRecord = { ...record, events: merged, updatedAt: now };
  if (!job) return next;
  next.status = job.status;
  next.providerStatus = job.providerStatus;
  if (job.fineTunedModel) next.fineTunedModel = job.fineTunedModel;
  if (job.error) next.error = { ...(job.error.code ? { code: job.error.code } : {}), message: job.error.message };
  if (job.warnings?.length) next.warnings = [...record.warnings, ...job.warnings.filter((w) => !record.warnings.some((x) => x.message === w.message))];
  return next;
}
