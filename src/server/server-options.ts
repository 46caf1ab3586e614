/**
 * Options of `createServer()`: everything is passed in (store, models, logger, tracer); the server reads no
 * environment variable and no file. `fathom serve` builds these from fathom.config.json.
 */
import type { Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { PriceTable, PromptVariant } from '../spec/answer.js';
import type { ChatModel } from '../spec/chat-model.js';
import type { Chunker } from '../spec/chunker.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { Reranker } from '../spec/reranker.js';
import type { RetrievalMode } from '../spec/retrieve.js';
import type { PipelineConfig, ServerConfig } from '../spec/server.js';
import type { Store } from '../spec/store.js';
import type { TuneBackend } from '../spec/tune-backend.js';
import type { OnlineJudging } from '../monitor/index.js';
import type { OnlineScoringConfig } from './monitor/schedule-online-scoring.js';

/** A named RAG pipeline: the `model` of the OpenAI-compatible endpoint and `pipeline` of `/v1/ask` (as configured, with the generator built). */
export interface Pipeline extends Omit<PipelineConfig, 'model'> {
  /** The generator; undefined = the extractive answerer. */
  model?: ChatModel;
}

export interface CreateServerOptions {
  store: Store;
  /** @default {} (loopback, 1 MiB bodies, 600 requests/minute per key, 60 s timeout, no CORS) */
  config?: ServerConfig;
  /** Chunker for uploads; without it the ingest routes answer INVALID_CONFIG. */
  chunker?: Chunker;
  embedder?: EmbeddingModel;
  reranker?: Reranker;
  /** Rerank candidates. @default 50 */
  rerankTopN?: number;
  /** The default pipeline's generator (`fathom-rag`); undefined = extractive. */
  chat?: ChatModel;
  /** More pipelines by name; `fathom-rag` is always there (built from `chat`) unless given here. */
  pipelines?: Record<string, Pipeline>;
  /** Prompt variants a caller may choose by id (`prompt` of `/v1/ask`, listed by `GET /v1/prompts`); ids are unique, 1–64 characters. @default none (the built-in prompt only) */
  prompts?: readonly PromptVariant[];
  /** Default search settings. @default { mode: 'bm25' (or 'hybrid' with an embedder), topK: 5 } */
  search?: { mode?: RetrievalMode; topK?: number };
  prices?: PriceTable;
  /** Ingest defaults for uploads. `ocr`: PDF pages without a text layer (a request's `ocr` field overrides). @default ocr 'auto' */
  ingest?: { collection?: string; maxFileBytes?: number; batchSize?: number; ocr?: 'auto' | 'off' };
  /** Structured JSON logs; @default silent */
  logger?: Logger;
  /** OpenTelemetry tracer: a span per request and per pipeline stage. @default none (no spans) */
  tracer?: Tracer;
  /** Where the server keeps files of running jobs (uploads) and evaluation caches, so a restarted server resumes them. @default a temp folder (uploads), no cache */
  workDir?: string;
  /** Fine-tuning backends by name (`POST /v1/tune/jobs` names one); built by `fathom serve` from `tune.backends`. @default none */
  tuneBackends?: Record<string, { backend: TuneBackend; baseURL?: string }>;
  /** `/readyz` fails until this resolves true (e.g. a model still loading). @default ready */
  ready?: () => boolean;
  /** Score sampled answers in the background (`monitor.online` in fathom.config.json): at start, then every interval. @default off */
  onlineScoring?: OnlineScoringConfig;
  /** Judge verdicts in every `monitor-score` job, background or `POST /v1/monitor/score` (`monitor.judge` in fathom.config.json). @default none */
  onlineJudge?: OnlineJudging;
  /** The `/metrics` body: e.g. every worker's registry summed by the cluster primary (`fathom serve --workers`). @default this server's registry */
  metricsText?: () => Promise<string>;
  _internal?: { now?: () => number; generateId?: (prefix?: string) => string; fetchJwks?: typeof fetch; jobHeartbeatMs?: number };
}
