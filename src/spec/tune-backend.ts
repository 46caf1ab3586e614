/**
 * TuneBackend contract: a hosted fine-tuning service of the OpenAI-style jobs shape (upload a file, create a
 * job, poll it, list its events, cancel it). Versioned plain type; the library does retries and polling
 * (`followJob`) once, from these methods. Providers: OpenAI (closes to new jobs in January 2027), Together,
 * Fireworks, Mistral, or any server speaking the same protocol.
 */
import type { Warning } from './embedding-model.js';

export interface TuneBackend {
  readonly specificationVersion: 'v1';
  /** Provider name, e.g. `openai`, `together`, `fireworks`, `mistral`. */
  readonly provider: string;
  readonly capabilities: TuneBackendCapabilities;
  /** Upload one JSONL file (training or validation data); returns the provider's file id. */
  doUpload(options: TuneUploadOptions): Promise<TuneUploadResult>;
  /** Create (and start) a fine-tuning job. */
  doCreateJob(options: TuneCreateJobOptions): Promise<TuneJob>;
  doGetJob(options: TuneJobRef): Promise<TuneJob>;
  /** One page of a job's events. Order follows the provider; `followJob` sorts by time. */
  doListEvents(options: TuneListEventsOptions): Promise<TuneEventPage>;
  /** Request cancellation; returns the job as the provider reports it right after. */
  doCancel(options: TuneJobRef): Promise<TuneJob>;
}

/** What a backend accepts. Settings it does not accept come back as `unsupported-setting` warnings. */
export interface TuneBackendCapabilities {
  /** Accepts LoRA rank/alpha/dropout (Together). */
  supportsLora: boolean;
  supportsValidationFile: boolean;
  /** Has an events endpoint (otherwise events come embedded in the job). */
  supportsEvents: boolean;
  /**
   * Order of `doListEvents` pages: `newest-first` (OpenAI: `after` pages to older events) or `oldest-first`
   * (`after` pages to newer events).
   */
  eventsOrder: 'newest-first' | 'oldest-first';
  supportsCancel: boolean;
  /** Hyperparameter names the provider accepts (fathom's names, see `TuneHyperparameters`). */
  hyperparameters: ReadonlyArray<keyof TuneHyperparameters>;
  /** Largest upload in bytes, when the provider documents one. */
  maxFileBytes?: number;
}

/** Training hyperparameters; each is sent only where the provider accepts it. */
export interface TuneHyperparameters {
  nEpochs?: number;
  /** OpenAI-style multiplier of the provider's default learning rate. */
  learningRateMultiplier?: number;
  /** Absolute learning rate (Together, Mistral). */
  learningRate?: number;
  batchSize?: number;
  /** LoRA settings; `lora.enabled` defaults to true when any field is given. */
  lora?: TuneLoraSettings;
}

/** LoRA adapter settings. */
export interface TuneLoraSettings {
  /** @default true */
  enabled?: boolean;
  /** Rank r. @default 16 where sent */
  rank?: number;
  /** Scaling alpha. @default 32 where sent */
  alpha?: number;
  /** Dropout probability in [0, 1). @default 0.05 where sent */
  dropout?: number;
  /** Module names, e.g. `['q_proj', 'v_proj']`, or `'all-linear'`. */
  targetModules?: string[] | 'all-linear';
}

export interface TuneUploadOptions {
  /** File content (JSONL bytes or text). */
  data: Uint8Array | string;
  /** File name sent to the provider. */
  fileName: string;
  /** @default 'fine-tune' */
  purpose?: string;
  abortSignal?: AbortSignal;
}

export interface TuneUploadResult {
  fileId: string;
  bytes?: number;
  /** The provider's raw response. */
  raw?: unknown;
}

export interface TuneCreateJobOptions {
  /** Base model id at the provider. */
  model: string;
  trainingFileId: string;
  validationFileId?: string;
  hyperparameters?: TuneHyperparameters;
  /** Appended to the resulting model's name. */
  suffix?: string;
  seed?: number;
  abortSignal?: AbortSignal;
}

export interface TuneJobRef {
  jobId: string;
  abortSignal?: AbortSignal;
}

export interface TuneListEventsOptions extends TuneJobRef {
  /** Cursor: id of the last event of the previous page. */
  after?: string;
  /** @default 100 */
  limit?: number;
}

/** Normalised job status; the provider's own word is kept in `TuneJob.providerStatus`. */
export type TuneJobStatus = 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A fine-tuning job as the provider last reported it. */
export interface TuneJob {
  id: string;
  status: TuneJobStatus;
  providerStatus: string;
  model: string;
  /** The resulting model id, once `status` is `succeeded` (OpenAI `fine_tuned_model`). */
  fineTunedModel?: string;
  trainingFileId?: string;
  validationFileId?: string;
  /** Epoch milliseconds. */
  createdAt?: number;
  finishedAt?: number;
  /** The provider's error when `status` is `failed`. */
  error?: { code?: string; message: string; param?: string };
  /** Events embedded in the job (providers without an events endpoint). */
  events?: TuneEvent[];
  /** Hyperparameters the provider resolved. */
  hyperparameters?: Record<string, unknown>;
  trainedTokens?: number;
  warnings?: Warning[];
  raw?: unknown;
}

/** One job event (a log line or a metrics point). */
export interface TuneEvent {
  id: string;
  /** Epoch milliseconds. */
  createdAt: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  /** Structured payload (e.g. `{ step, train_loss }` for metrics events). */
  data?: unknown;
  type?: string;
}

export interface TuneEventPage {
  events: TuneEvent[];
  hasMore: boolean;
}

/** Kind of a registered tuned model, which decides the ChatModel provider that can load it. */
export type TunedModelKind = 'gguf-lora' | 'gguf' | 'openai-compatible';

/**
 * One entry of the tuned-model registry (`.fathom/models.json`), written by `registerTunedModel` and read by
 * ChatModel providers: a GGUF LoRA adapter over a base GGUF (node-llama-cpp), a full GGUF model, or a model
 * name served by an OpenAI-compatible server (vLLM, a hosted fine-tune).
 */
export interface TunedModelRecord {
  /** Name ChatModel providers and the CLI refer to (letters, digits, `._:/-`). */
  name: string;
  kind: TunedModelKind;
  /** GGUF file (`gguf`: the model; `gguf-lora`: the adapter); registration checks it exists and starts with the GGUF magic, and records it absolute. */
  path?: string;
  /** `gguf-lora`: the base model's GGUF path (checked like `path`); otherwise a model id, recorded as given. */
  baseModel?: string;
  /** `openai-compatible`: server root, e.g. `http://gpu-box:8000/v1`. */
  baseURL?: string;
  /** `openai-compatible`: the model id at that server (a hosted fine-tune's `fine_tuned_model`). */
  modelId?: string;
  /** Measured results (gate scores, eval metrics), free-form numbers. */
  metrics?: Record<string, number>;
  /** ISO timestamp of registration. */
  registeredAt: string;
}

/** The registry file's content. */
export interface TunedModelRegistry {
  version: 1;
  models: TunedModelRecord[];
}
