import type { TuneBackend, TuneEventPage, TuneJob, TuneJobRef } from '../../spec/tune-backend.js';
import { FathomError } from '../../util/errors.js';
import { _parseEvent, _parseJob } from './_tune-parse.js';
import { _profileFor } from './_tune-profiles.js';
import { _request, type _Connection } from './_tune-request.js';

/** Options of {@link createOpenAICompatibleTuneBackend}. */
export interface OpenAICompatibleTuneBackendOptions {
  /**
   * Which dialect of the jobs protocol to speak. What is sent per provider:
   * - `openai` (and `fireworks`, and any other name): `POST /files` (multipart `file`, `purpose=fine-tune`);
   *   `POST /fine_tuning/jobs` `{ model, training_file, validation_file, suffix, seed, hyperparameters:
   *   { n_epochs, learning_rate_multiplier, batch_size } }`; no LoRA settings (warned and dropped). OpenAI closes
   *   its fine-tuning API to new jobs in January 2027. Fireworks' native API differs: use an OpenAI-shaped gateway.
   * - `together`: `POST /files/upload`; `POST /fine-tunes` `{ model, training_file, validation_file, suffix,
   *   n_epochs, learning_rate, batch_size, lora: true, lora_r, lora_alpha, lora_dropout, lora_trainable_modules }`.
   * - `mistral`: `POST /files`; `POST /fine_tuning/jobs` `{ model, training_files: [{ file_id, weight }],
   *   validation_files, suffix, auto_start: true, hyperparameters: { epochs, learning_rate } }`; events are read
   *   from the job itself.
   */
  provider: 'openai' | 'together' | 'fireworks' | 'mistral' | (string & {});
  /** API root including the version, e.g. `https://api.openai.com/v1`, `https://api.together.xyz/v1`. */
  baseURL: string;
  apiKey: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Per-request deadline (uploads included). @default 120000 */
  timeoutMs?: number;
  /** Retries of rate-limited (429), 5xx and network failures. @default 2 */
  maxRetries?: number;
  /** First retry delay, doubling; a server's `Retry-After` wins when longer. @default 1000 */
  retryBaseDelayMs?: number;
  /** Override the files / jobs paths of the provider's profile. */
  paths?: { files?: string; jobs?: string };
  /** Extra fields merged into every create-job body (provider features fathom does not model). */
  jobBodyExtras?: Record<string, unknown>;
  /** Extra request headers (e.g. `OpenAI-Organization`). */
  headers?: Record<string, string>;
}

/** A `TuneBackend` over a hosted fine-tuning API of the OpenAI jobs shape. */
export function createOpenAICompatibleTuneBackend({
  provider,
  baseURL,
  apiKey,
  fetch = globalThis.fetch,
  timeoutMs = 120_000,
  maxRetries = 2,
  retryBaseDelayMs = 1000,
  paths = {},
  jobBodyExtras = {},
  headers = {},
}: OpenAICompatibleTuneBackendOptions): TuneBackend {
  if (!baseURL) throw new FathomError({ code: 'INVALID_CONFIG', message: `Set 'baseURL' for the ${provider} fine-tuning backend (e.g. https://api.openai.com/v1).`, details: { provider } });
  if (!apiKey) throw new FathomError({ code: 'INVALID_CONFIG', message: `Set 'apiKey' for the ${provider} fine-tuning backend.`, details: { provider } });
  const profile = _profileFor(provider);
  const files = paths.files ?? profile.filesPath;
  const jobs = paths.jobs ?? profile.jobsPath;
  const conn: _Connection = { provider, baseURL, apiKey, fetch, timeoutMs, maxRetries, retryBaseDelayMs, headers };
  const jobPath = (id: string): string => `${jobs}/${encodeURIComponent(id)}`;
  const parse = (raw: Record<string, unknown>): TuneJob => {
    if (typeof raw.id !== 'string') throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} returned a job without an id.`, details: { provider, raw } });
    return _parseJob(raw, profile.statuses);
  };
  const getJob = async ({ jobId, abortSignal }: TuneJobRef): Promise<TuneJob> => parse(await _request(conn, { method: 'GET', path: jobPath(jobId), abortSignal }));

  return {
    specificationVersion: 'v1',
    provider,
    capabilities: profile.capabilities,
    async doUpload({ data, fileName, purpose = 'fine-tune', abortSignal }) {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      const form = new FormData();
      form.set('purpose', purpose);
      form.set('file_name', fileName);
      form.set('file', new Blob([bytes], { type: 'application/jsonl' }), fileName);
      const raw = await _request(conn, { method: 'POST', path: files, body: form, abortSignal });
      const fileId = raw.id;
      if (typeof fileId !== 'string') throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} accepted the upload but returned no file id.`, details: { provider, raw } });
      return { fileId, bytes: bytes.byteLength, raw };
    },
    async doCreateJob(options) {
      const { body, warnings } = profile.jobBody(options);
      const job = parse(await _request(conn, { method: 'POST', path: jobs, body: { ...body, ...jobBodyExtras }, abortSignal: options.abortSignal }));
      if (warnings.length > 0) job.warnings = warnings;
      return job;
    },
    doGetJob: getJob,
    async doListEvents({ jobId, after, limit = 100, abortSignal }): Promise<TuneEventPage> {
      if (!profile.capabilities.supportsEvents) {
        const events = (await getJob({ jobId, abortSignal })).events ?? [];
        const start = after === undefined ? 0 : events.findIndex((e) => e.id === after) + 1;
        const page = events.slice(start, start + limit);
        return { events: page, hasMore: start + limit < events.length };
      }
      const raw = await _request(conn, { method: 'GET', path: `${jobPath(jobId)}/events`, query: { after, limit }, abortSignal });
      const data = Array.isArray(raw.data) ? (raw.data as Record<string, unknown>[]) : [];
      return { events: data.map((e) => _parseEvent(e)), hasMore: raw.has_more === true };
    },
    async doCancel({ jobId, abortSignal }) {
      return parse(await _request(conn, { method: 'POST', path: `${jobPath(jobId)}/cancel`, abortSignal }));
    },
  };
}
