import { basename } from 'node:path';
import type { Warning } from '../../spec/embedding-model.js';
import type { TuneBackend, TuneHyperparameters } from '../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../spec/tune-job.js';
import type { Internal } from '../../util/clock.js';
import { generateId } from '../../util/ids.js';
import { _readDataFile } from './_data-file.js';
import type { _MetaStore } from './_job-keys.js';
import { _mergeJob } from './_merge-job.js';
import { saveTuneJob } from './save-tune-job.js';

/** Options of {@link startTuneJob}. */
export interface StartTuneJobOptions {
  store: _MetaStore;
  tenant: string;
  backend: TuneBackend;
  /** Name the job is recorded under (the CLI's `tune.backends` key, used to reach it again). @default backend.provider */
  backendName?: string;
  /** The backend's API root, recorded with the job so it can be refreshed later (never the key). */
  baseURL?: string;
  /** Base model id at the provider. */
  baseModel: string;
  /** Training JSONL (chat format for hosted APIs). */
  trainPath: string;
  validationPath?: string;
  hyperparameters?: TuneHyperparameters;
  suffix?: string;
  seed?: number;
  signal?: AbortSignal;
  _internal?: Partial<Internal>;
}

/**
 * Uploads the data, creates the job at the provider and records it in the store (tenant-scoped) with the
 * data files' hashes, the hyperparameters and the provider's warnings. A validation file the backend cannot
 * take is not uploaded (warning).
 */
export async function startTuneJob(options: StartTuneJobOptions): Promise<TuneJobRecord> {
  const { store, tenant, backend, backendName = backend.provider, baseURL, baseModel, trainPath, validationPath, hyperparameters, suffix, seed, signal, _internal: { now = Date.now, generateId: newId = generateId } = {} } = options;
  const warnings: Warning[] = [];
  const train = await _readDataFile(trainPath, 'Training');
  const validation = validationPath === undefined ? undefined : await _readDataFile(validationPath, 'Validation');
  const trainUpload = await backend.doUpload({ data: train.bytes, fileName: basename(train.ref.path), abortSignal: signal });
  let validationFileId: string | undefined;
  if (validation && backend.capabilities.supportsValidationFile) {
    validationFileId = (await backend.doUpload({ data: validation.bytes, fileName: basename(validation.ref.path), abortSignal: signal })).fileId;
  } else if (validation) {
    warnings.push({ type: 'unsupported-setting', setting: 'validationFile', message: `${backend.provider} does not take a validation file; it was not uploaded.` });
  }
  const job = await backend.doCreateJob({ model: baseModel, trainingFileId: trainUpload.fileId, validationFileId, hyperparameters, suffix, seed, abortSignal: signal });
  const at = now();
  const record: TuneJobRecord = {
    id: newId('tj_'), tenant, kind: 'hosted', backend: backendName, ...(baseURL ? { baseURL } : {}), providerJobId: job.id,
    status: job.status, providerStatus: job.providerStatus, baseModel, ...(hyperparameters ? { hyperparameters } : {}), ...(suffix ? { suffix } : {}),
    data: {
      train: { ...train.ref, fileId: trainUpload.fileId },
      ...(validation ? { validation: { ...validation.ref, ...(validationFileId ? { fileId: validationFileId } : {}) } } : {}),
    },
    events: [], artifacts: [], warnings, createdAt: at, updatedAt: at,
  };
  const merged = _mergeJob(record, job, job.events ?? [], at);
  await saveTuneJob({ store, tenant, job: merged });
  return merged;
}
