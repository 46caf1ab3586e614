/**
 * What every route handler gets: the resolved options, the metrics and the job runner. Built once per
 * server instance by createServer (nothing global: two servers in one process share nothing).
 */
import type { Span, Tracer } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { Identity, ServerConfig } from '../spec/server.js';
import type { RetrievalMode } from '../spec/retrieve.js';
import type { ServerMetrics } from './metrics.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { CreateServerOptions, Pipeline } from './server-options.js';

export interface _ServerContext {
  options: CreateServerOptions;
  store: CreateServerOptions['store'];
  config: Required<Pick<ServerConfig, 'bodyLimitBytes' | 'uploadLimitBytes' | 'requestTimeoutMs' | 'drainTimeoutMs' | 'apiKeyCacheMs'>> & ServerConfig;
  pipelines: Map<string, Required<Pick<Pipeline, 'mode' | 'topK'>> & Pipeline>;
  search: { mode: RetrievalMode; topK: number };
  metrics: ServerMetrics;
  jobs: JobRunner;
  logger: Logger;
  tracer?: Tracer;
  now: () => number;
  generateId: (prefix?: string) => string;
}

/** Hono environment: per-request variables set by the middleware. */
export interface _Env {
  Variables: {
    identity: Identity;
    requestId: string;
    /** Aborted on client disconnect or request timeout. */
    signal: AbortSignal;
    /** The request's span, parent of the stage spans (passed explicitly: no global context manager). */
    span: Span | undefined;
  };
}

export const DEFAULT_PIPELINE = 'fathom-rag';
