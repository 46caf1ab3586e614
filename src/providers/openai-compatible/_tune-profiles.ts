import type { Warning } from '../../spec/embedding-model.js';
import type { TuneBackendCapabilities, TuneCreateJobOptions, TuneHyperparameters, TuneJobStatus } from '../../spec/tune-backend.js';

/** How one provider spells the jobs protocol. */
export interface _Profile {
  filesPath: string;
  jobsPath: string;
  capabilities: TuneBackendCapabilities;
  /** The create-job body and the settings it had to drop. */
  jobBody(options: TuneCreateJobOptions): { body: Record<string, unknown>; warnings: Warning[] };
  /** Lower-cased provider status → fathom status. */
  statuses: Record<string, TuneJobStatus>;
}

const openAIStatuses: Record<string, TuneJobStatus> = {
  validating_files: 'validating_files', queued: 'queued', running: 'running', succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled',
};

const base = (h: TuneHyperparameters | undefined, key: keyof TuneHyperparameters, accepted: ReadonlyArray<string>, provider: string, warnings: Warning[]): boolean => {
  if (h?.[key] === undefined) return false;
  if (accepted.includes(key)) return true;
  warnings.push({ type: 'unsupported-setting', setting: `hyperparameters.${key}`, message: `${provider} does not accept '${key}'; it was not sent.` });
  return false;
};

function _common(o: TuneCreateJobOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { model: o.model, training_file: o.trainingFileId };
  if (o.validationFileId !== undefined) body.validation_file = o.validationFileId;
  if (o.suffix !== undefined) body.suffix = o.suffix;
  if (o.seed !== undefined) body.seed = o.seed;
  return body;
}

/** OpenAI shape: `hyperparameters: { n_epochs, learning_rate_multiplier, batch_size }`; no LoRA settings. */
function _openAIShape(provider: string): _Profile {
  const accepted = ['nEpochs', 'learningRateMultiplier', 'batchSize'] as const;
  return {
    filesPath: '/files',
    jobsPath: '/fine_tuning/jobs',
    capabilities: { supportsLora: false, supportsValidationFile: true, supportsEvents: true, eventsOrder: 'newest-first', supportsCancel: true, hyperparameters: accepted },
    statuses: openAIStatuses,
    jobBody(o) {
      const warnings: Warning[] = [];
      const h = o.hyperparameters;
      const hp: Record<string, unknown> = {};
      if (base(h, 'nEpochs', accepted, provider, warnings)) hp.n_epochs = h!.nEpochs;
      if (base(h, 'learningRateMultiplier', accepted, provider, warnings)) hp.learning_rate_multiplier = h!.learningRateMultiplier;
      if (base(h, 'batchSize', accepted, provider, warnings)) hp.batch_size = h!.batchSize;
      base(h, 'learningRate', accepted, provider, warnings);
      base(h, 'lora', accepted, provider, warnings);
      const body = _common(o);
      if (Object.keys(hp).length > 0) body.hyperparameters = hp;
      return { body, warnings };
    },
  };
}

/** Together: `/files/upload`, `/fine-tunes`, flat `n_epochs, learning_rate, batch_size, lora, lora_r, lora_alpha, lora_dropout, lora_trainable_modules`. */
function _together(): _Profile {
  const accepted = ['nEpochs', 'learningRate', 'batchSize', 'lora'] as const;
  return {
    filesPath: '/files/upload',
    jobsPath: '/fine-tunes',
    capabilities: { supportsLora: true, supportsValidationFile: true, supportsEvents: true, eventsOrder: 'oldest-first', supportsCancel: true, hyperparameters: accepted },
    statuses: {
      ...openAIStatuses,
      pending: 'queued', queued: 'queued', running: 'running', compressing: 'running', uploading: 'running', cancel_requested: 'running',
      cancelled: 'cancelled', error: 'failed', user_error: 'failed', failed: 'failed', completed: 'succeeded', succeeded: 'succeeded',
    },
    jobBody(o) {
      const warnings: Warning[] = [];
      const h = o.hyperparameters;
      const body = _common(o);
      delete body.seed;
      if (base(h, 'nEpochs', accepted, 'together', warnings)) body.n_epochs = h!.nEpochs;
      if (base(h, 'learningRate', accepted, 'together', warnings)) body.learning_rate = h!.learningRate;
      if (base(h, 'batchSize', accepted, 'together', warnings)) body.batch_size = h!.batchSize;
      base(h, 'learningRateMultiplier', accepted, 'together', warnings);
      if (o.seed !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'seed', message: "together does not accept 'seed'; it was not sent." });
      const lora = h?.lora;
      if (lora && lora.enabled !== false) {
        Object.assign(body, { lora: true, lora_r: lora.rank ?? 16, lora_alpha: lora.alpha ?? 32, lora_dropout: lora.dropout ?? 0.05 });
        if (lora.targetModules !== undefined) body.lora_trainable_modules = lora.targetModules === 'all-linear' ? 'all-linear' : lora.targetModules.join(',');
      } else if (lora?.enabled === false) body.lora = false;
      return { body, warnings };
    },
  };
}

/** Mistral: `training_files: [{ file_id, weight }]`, `hyperparameters: { epochs, learning_rate }`, events embedded in the job. */
function _mistral(): _Profile {
  const accepted = ['nEpochs', 'learningRate'] as const;
  return {
    filesPath: '/files',
    jobsPath: '/fine_tuning/jobs',
    capabilities: { supportsLora: false, supportsValidationFile: true, supportsEvents: false, eventsOrder: 'oldest-first', supportsCancel: true, hyperparameters: accepted },
    statuses: {
      ...openAIStatuses,
      queued: 'queued', started: 'running', validating: 'validating_files', validated: 'queued', running: 'running',
      failed_validation: 'failed', failed: 'failed', success: 'succeeded', cancelled: 'cancelled', cancellation_requested: 'running',
    },
    jobBody(o) {
      const warnings: Warning[] = [];
      const h = o.hyperparameters;
      const body: Record<string, unknown> = { model: o.model, training_files: [{ file_id: o.trainingFileId, weight: 1 }], auto_start: true };
      if (o.validationFileId !== undefined) body.validation_files = [o.validationFileId];
      if (o.suffix !== undefined) body.suffix = o.suffix;
      const hp: Record<string, unknown> = {};
      if (base(h, 'nEpochs', accepted, 'mistral', warnings)) hp.epochs = h!.nEpochs;
      if (base(h, 'learningRate', accepted, 'mistral', warnings)) hp.learning_rate = h!.learningRate;
      for (const key of ['batchSize', 'learningRateMultiplier', 'lora'] as const) base(h, key, accepted, 'mistral', warnings);
      if (Object.keys(hp).length > 0) body.hyperparameters = hp;
      return { body, warnings };
    },
  };
}

/**
 * The profile of a provider. `openai`, `fireworks` and unknown names use the OpenAI shape (Fireworks' native
 * `accounts/{id}/supervisedFineTuningJobs` API is not covered: point `baseURL` at an OpenAI-shaped endpoint).
 */
export function _profileFor(provider: string): _Profile {
  if (provider === 'together') return _together();
  if (provider === 'mistral') return _mistral();
  return _openAIShape(provider);
}
