import type { TuneEvent, TuneJob, TuneJobStatus } from '../../spec/tune-backend.js';
import { sha256 } from '../../util/hash.js';

type Raw = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Unix seconds, epoch milliseconds or an ISO string → epoch milliseconds. */
export function _time(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e12 ? v * 1000 : v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** A provider job object → `TuneJob`. Unknown statuses count as `running` (never terminal by mistake). */
export function _parseJob(raw: Raw, statuses: Record<string, TuneJobStatus>): TuneJob {
  const providerStatus = String(raw.status ?? 'unknown');
  const status = statuses[providerStatus.toLowerCase()] ?? 'running';
  const trainingFiles = Array.isArray(raw.training_files) ? (raw.training_files as unknown[]) : [];
  const firstTraining = trainingFiles[0];
  const trainingFileId = str(raw.training_file) ?? (typeof firstTraining === 'string' ? firstTraining : str((firstTraining as Raw | undefined)?.file_id));
  const validationFiles = Array.isArray(raw.validation_files) ? (raw.validation_files as unknown[]) : [];
  const job: TuneJob = {
    id: String(raw.id ?? ''),
    status,
    providerStatus,
    model: String(raw.model ?? ''),
    raw,
  };
  const fineTuned = str(raw.fine_tuned_model) ?? str(raw.output_name) ?? str(raw.model_output_name);
  if (fineTuned !== undefined) job.fineTunedModel = fineTuned;
  if (trainingFileId !== undefined) job.trainingFileId = trainingFileId;
  const validationFileId = str(raw.validation_file) ?? str(validationFiles[0]);
  if (validationFileId !== undefined) job.validationFileId = validationFileId;
  const createdAt = _time(raw.created_at);
  if (createdAt !== undefined) job.createdAt = createdAt;
  const finishedAt = _time(raw.finished_at) ?? _time(raw.completed_at);
  if (finishedAt !== undefined) job.finishedAt = finishedAt;
  if (typeof raw.hyperparameters === 'object' && raw.hyperparameters !== null) job.hyperparameters = raw.hyperparameters as Record<string, unknown>;
  if (typeof raw.trained_tokens === 'number') job.trainedTokens = raw.trained_tokens;
  if (Array.isArray(raw.events)) job.events = raw.events.map((e) => _parseEvent(e as Raw));
  const error = _error(raw);
  if (error) job.error = error;
  else if (status === 'failed') job.error = { message: _lastErrorEvent(job.events) ?? `The job ended with status '${providerStatus}' and no message.` };
  return job;
}

function _error(raw: Raw): TuneJob['error'] | undefined {
  const e = raw.error;
  if (typeof e === 'string' && e !== '') return { message: e };
  if (typeof e !== 'object' || e === null) return undefined;
  const message = str((e as Raw).message);
  if (message === undefined) return undefined;
  const out: NonNullable<TuneJob['error']> = { message };
  const code = str((e as Raw).code);
  if (code !== undefined) out.code = code;
  const param = str((e as Raw).param);
  if (param !== undefined) out.param = param;
  return out;
}

function _lastErrorEvent(events: TuneEvent[] | undefined): string | undefined {
  return events?.filter((e) => e.level === 'error').at(-1)?.message;
}

/** A provider event → `TuneEvent`; events without an id get a stable content hash (Together, Mistral). */
export function _parseEvent(raw: Raw): TuneEvent {
  const createdAt = _time(raw.created_at) ?? 0;
  const message = str(raw.message) ?? str(raw.name) ?? '';
  const level = String(raw.level ?? 'info').toLowerCase();
  const event: TuneEvent = {
    id: str(raw.id) ?? `ev-${sha256(`${createdAt}\n${message}\n${JSON.stringify(raw.data ?? null)}`).slice(0, 16)}`,
    createdAt,
    level: level === 'error' ? 'error' : level.startsWith('warn') ? 'warn' : 'info',
    message,
  };
  if (raw.data !== undefined && raw.data !== null) event.data = raw.data;
  const type = str(raw.type);
  if (type !== undefined) event.type = type;
  return event;
}
