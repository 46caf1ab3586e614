import { resolve } from 'node:path';
import { defineCommand } from 'citty';
import type { TuneBackend, TuneHyperparameters } from '../../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../../spec/tune-job.js';
import { FathomError } from '../../../util/errors.js';
import { createOpenAICompatibleTuneBackend } from '../../../providers/openai-compatible/index.js';
import { followTuneJob, startTuneJob } from '../../../tune/jobs/index.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore, type CliContext } from '../../context.js';
import { emit } from '../../io.js';
import { parseNumber } from './_shared.js';

/** `tune.backends.<name>` in fathom.config.json. */
export interface TuneBackendConfig {
  baseURL: string;
  /** Environment variable holding the API key. */
  apiKeyEnv: string;
  /** Protocol dialect (openai | together | mistral | fireworks); @default the backend's name */
  provider?: string;
}

/** Built-in backends; `tune.backends` in the config adds or overrides entries. */
export const defaultTuneBackends: Record<string, TuneBackendConfig> = {
  together: { baseURL: 'https://api.together.xyz/v1', apiKeyEnv: 'TOGETHER_API_KEY' },
  openai: { baseURL: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' },
  mistral: { baseURL: 'https://api.mistral.ai/v1', apiKeyEnv: 'MISTRAL_API_KEY' },
};

/** The hosted backend named `name`, from config `tune.backends` (base URL and API-key variable). */
export function tuneBackendFor(c: CliContext, name: string): { backend: TuneBackend; baseURL: string } {
  const configured = (c.config as unknown as { tune?: { backends?: Record<string, Partial<TuneBackendConfig>> } }).tune?.backends ?? {};
  const cfg = { ...defaultTuneBackends[name], ...configured[name] } as Partial<TuneBackendConfig>;
  if (!cfg.baseURL || !cfg.apiKeyEnv) {
    const known = [...new Set([...Object.keys(defaultTuneBackends), ...Object.keys(configured)])].join(', ');
    throw new FathomError({ code: 'INVALID_CONFIG', message: `Unknown fine-tuning backend "${name}" (known: ${known}). Add it to fathom.config.json: "tune": { "backends": { "${name}": { "baseURL": "https://…/v1", "apiKeyEnv": "${name.toUpperCase()}_API_KEY" } } }.` });
  }
  const apiKey = c.io.env[cfg.apiKeyEnv];
  if (!apiKey) throw new FathomError({ code: 'INVALID_CONFIG', message: `The ${name} fine-tuning backend needs an API key: set the environment variable ${cfg.apiKeyEnv} (tune.backends.${name}.apiKeyEnv).` });
  return { backend: createOpenAICompatibleTuneBackend({ provider: cfg.provider ?? name, baseURL: cfg.baseURL, apiKey }), baseURL: cfg.baseURL };
}

/** One line per job for humans. */
export function formatJob(j: TuneJobRecord): string {
  const result = j.fineTunedModel ? ` → ${j.fineTunedModel}` : j.error ? ` — ${j.error.message}` : '';
  return `${j.id}  ${j.status.padEnd(16)} ${j.backend.padEnd(9)} ${j.providerJobId ?? '-'}  ${j.baseModel}${result}`;
}

export const startCommand = defineCommand({
  meta: { name: 'start', description: 'Start a hosted fine-tuning job (upload, create, record in the store; --follow streams its events)' },
  args: {
    ...commonArgs,
    backend: { type: 'string', description: 'together | openai | mistral | a name from config tune.backends', required: true },
    'base-model': { type: 'string', description: 'Base model id at the provider', required: true },
    train: { type: 'string', description: 'Training data (chat JSONL)', required: true, valueHint: 'data.jsonl' },
    validation: { type: 'string', description: 'Validation data (chat JSONL)', valueHint: 'v.jsonl' },
    epochs: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 100 }, description: 'Training epochs', default: '3' },
    'learning-rate': { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 }, description: 'Absolute learning rate (Together, Mistral)' },
    'batch-size': { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 100_000 }, description: 'Batch size' },
    'lora-r': { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 1024 }, description: 'LoRA rank (backends that accept LoRA settings)' },
    'lora-alpha': { type: 'string', schema: { type: 'number', exclusiveMinimum: 0, maximum: 4096 }, description: 'LoRA alpha' },
    suffix: { type: 'string', description: 'Suffix of the resulting model name' },
    follow: { type: 'boolean', description: 'Follow the job until it ends, printing its events' },
    'poll-ms': { type: 'string', schema: { type: 'integer', minimum: 0, maximum: 86_400_000 }, description: 'Delay between polls with --follow', default: '10000' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    const { backend, baseURL } = tuneBackendFor(c, String(a.backend));
    const loraR = parseNumber(a['lora-r'], 'lora-r', { min: 1 });
    const loraAlpha = parseNumber(a['lora-alpha'], 'lora-alpha', { min: 0 });
    const hyperparameters: TuneHyperparameters = {
      nEpochs: parseNumber(a.epochs, 'epochs', { min: 1 }),
      ...(a['learning-rate'] !== undefined ? { learningRate: parseNumber(a['learning-rate'], 'learning-rate', { min: 0, max: 1 }) } : {}),
      ...(a['batch-size'] !== undefined ? { batchSize: parseNumber(a['batch-size'], 'batch-size', { min: 1 }) } : {}),
      ...(loraR !== undefined || loraAlpha !== undefined ? { lora: { ...(loraR !== undefined ? { rank: loraR } : {}), ...(loraAlpha !== undefined ? { alpha: loraAlpha } : {}) } } : {}),
    };
    return withStore(c, async (store) => {
      const job = await startTuneJob({
        store, tenant: c.tenant, backend, backendName: String(a.backend), baseURL, baseModel: String(a['base-model']), trainPath: _abs(c, a.train)!, validationPath: _abs(c, a.validation),
        hyperparameters, suffix: a.suffix === undefined ? undefined : String(a.suffix), signal: c.io.signal,
      });
      for (const w of job.warnings) c.io.err(`warning: ${w.message}\n`);
      if (!a.follow) {
        emit(c.io, c.json, job, () => `started ${formatJob(job)}\nfollow it with \`fathom tune status ${job.id}\``);
        return 0;
      }
      if (!c.json) c.io.out(`started ${formatJob(job)}\n`);
      const done = await followTuneJob({
        store, tenant: c.tenant, backend, id: job.id, pollMs: parseNumber(a['poll-ms'], 'poll-ms', { min: 0 }), signal: c.io.signal,
        onEvent: c.json ? undefined : (e) => c.io.out(`${new Date(e.createdAt).toISOString()}  ${e.level.padEnd(5)} ${e.message}\n`),
      });
      emit(c.io, c.json, done, () => `${formatJob(done)}`);
      return 0;
    }, { create: true });
  },
});

/** A path flag resolved against the working directory. */
export function _abs(c: CliContext, p: unknown): string | undefined {
  return p === undefined ? undefined : resolve(c.io.cwd, String(p));
}
