/**
 * createServer(): the fathom HTTP API as a Hono app (tests call `server.app.request(...)`; `fathom serve`
 * hands `server.app.fetch` to @hono/node-server). Order of the middleware: observe (request id, timeout and
 * abort signal, span, log, metrics) → CORS → in-flight tracking → public routes → body limit → authenticate
 * → per-key rate limit → role check per route → handler. Nothing global: metrics registry, rate-limit
 * buckets, jobs and verifiers belong to this instance.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import pino from 'pino';
import { FathomError } from '../util/errors.js';
import { generateId as defaultGenerateId } from '../util/ids.js';
import { DEFAULT_PIPELINE, type _Env, type _ServerContext } from './_context.js';
import { toErrorResponse } from './error-response.js';
import { createJobRunner, type JobRunner } from './jobs/job-runner.js';
import { _SERVER_TENANT } from './keys/key-store.js';
import { createServerMetrics, type ServerMetrics } from './metrics.js';
import { authenticate } from './middleware/authenticate.js';
import { jsonBodyLimit } from './middleware/json-body-limit.js';
import { observe } from './middleware/observe.js';
import { DEFAULT_RATE_LIMIT, rateLimit } from './middleware/rate-limit.js';
import { openapiDocument } from './openapi-document.js';
import { askRoute } from './routes/ask-route.js';
import { auditExportRoute } from './routes/audit-export-route.js';
import { auditRoute } from './routes/audit-route.js';
import { feedbackRoute } from './routes/feedback-route.js';
import { evalRoute } from './routes/eval-route.js';
import { tuneRoute } from './routes/tune-route.js';
import { documentsRoute } from './routes/documents-route.js';
import { documentAclRoute } from './routes/document-acl-route.js';
import { monitorRoute } from './routes/monitor-route.js';
import { monitorSeriesRoute } from './routes/monitor-series-route.js';
import { keysRoute } from './routes/keys-route.js';
import { whoamiRoute } from './routes/whoami-route.js';
import { promptsRoute } from './routes/prompts-route.js';
import { scheduleOnlineScoring, type OnlineScoringSchedule } from './monitor/schedule-online-scoring.js';
import { ingestRoute } from './routes/ingest-route.js';
import { openaiRoute } from './routes/openai-route.js';
import { searchRoute } from './routes/search-route.js';
import { serverConfigSchema } from './schemas/server-config-schema.js';
import type { CreateServerOptions, Pipeline } from './server-options.js';
import type { ServerConfig, ServerJob } from '../spec/server.js';
import { validateBody } from './validate-body.js';
import { toFathomError } from '../util/errors.js';
import { serveDashboard } from '../dashboard/serve-dashboard.js';

export type { CreateServerOptions, Pipeline } from './server-options.js';

export interface FathomServer {
  app: Hono<_Env>;
  metrics: ServerMetrics;
  jobs: JobRunner;
  /** Requests being handled now (streams included until they end). */
  readonly inflight: number;
  /** Run again the jobs this instance (`server.instanceId`) left unfinished; call once after start (`fathom serve` does). */
  resumeJobs(): Promise<ServerJob[]>;
  /** The background online scoring, when `onlineScoring` is set. */
  onlineScoring?: OnlineScoringSchedule;
  /** Refuse new requests (503), wait for in-flight requests and jobs up to `timeoutMs`. */
  drain(timeoutMs?: number): Promise<void>;
}

const SERVER_VERSION = '0.1.0';

export function createServer(options: CreateServerOptions): FathomServer {
  const { store } = options;
  const config = _checkConfig(options.config ?? {});
  const now = options._internal?.now ?? Date.now;
  const generateId = options._internal?.generateId ?? defaultGenerateId;
  const searchMode = options.search?.mode ?? (options.embedder ? 'hybrid' : 'bm25');
  const pipelines: _ServerContext['pipelines'] = new Map();
  const all: Record<string, Pipeline> = { [DEFAULT_PIPELINE]: { model: options.chat }, ...options.pipelines };
  for (const [name, p] of Object.entries(all)) {
    if (p.prompt !== undefined && !options.prompts?.some((v) => v.id === p.prompt)) {
      throw new FathomError({ code: 'INVALID_CONFIG', message: `Pipeline "${name}" uses prompt variant "${p.prompt}", which is not among the server's prompts (${(options.prompts ?? []).map((v) => v.id).join(', ') || 'none'}): add it to the prompts file or fix the id.`, details: { pipeline: name, prompt: p.prompt } });
    }
    pipelines.set(name, { ...p, mode: p.mode ?? searchMode, topK: p.topK ?? 5 });
  }
  const metrics = createServerMetrics({ processMetrics: false });
  const jobs = createJobRunner({ store, now, generateId, instanceId: config.instanceId, heartbeatMs: options._internal?.jobHeartbeatMs });
  const s: _ServerContext = {
    options, store, metrics, jobs, now, generateId, pipelines, tracer: options.tracer,
    config: { bodyLimitBytes: 1 << 20, uploadLimitBytes: 50 << 20, requestTimeoutMs: 60_000, drainTimeoutMs: 10_000, apiKeyCacheMs: 1000, ...config },
    search: { mode: searchMode, topK: options.search?.topK ?? 5 },
    logger: options.logger ?? pino({ level: 'silent' }),
  };
  let inflight = 0;
  let draining = false;
  const idle = new Set<() => void>();

  const app = new Hono<_Env>();
  app.onError((error, c) => toErrorResponse(s, error, c));
  app.notFound((c) => toErrorResponse(s, new FathomError({ code: 'NOT_FOUND', message: `No route ${c.req.method} ${c.req.path}: see GET /openapi.json.` }), c));
  app.use('*', observe(s));
  if (s.config.cors) app.use('*', cors({ origin: s.config.cors.origins, allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'], exposeHeaders: ['X-Request-Id', 'Retry-After'], maxAge: 600 }));
  app.use('*', async (c, next) => {
    if (draining) throw new FathomError({ code: 'INTERRUPTED', message: 'The server is shutting down: retry against another instance or after the restart.' });
    inflight++;
    try {
      await next();
    } finally {
      // A stream's handler returns before the body is written: count it until the body is done.
      const body = c.res.headers.get('content-type')?.startsWith('text/event-stream') ? c.res.body : null;
      const done = () => {
        inflight--;
        if (inflight === 0) for (const f of idle) f();
      };
      if (body) c.res = new Response(_onEnd(body, done), c.res);
      else done();
    }
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks: Record<string, string> = { draining: draining ? 'yes' : 'no', models: options.ready && !options.ready() ? 'loading' : 'ok' };
    try {
      await store.getMeta({ tenant: _SERVER_TENANT, key: 'apikeys' });
      checks.store = 'ok';
    } catch (error) {
      checks.store = (error as Error).message;
    }
    const ok = checks.store === 'ok' && checks.models === 'ok' && !draining;
    return c.json({ status: ok ? 'ready' : 'not-ready', checks }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => c.text(await (options.metricsText ?? (() => metrics.registry.metrics()))(), 200, { 'Content-Type': metrics.registry.contentType }));
  app.get('/openapi.json', (c) => c.json(openapiDocument({ version: SERVER_VERSION })));
  // Mounted on its own paths only: API requests do not pass through it.
  const dashboard = serveDashboard();
  for (const path of ['/', '/index.html', '/ui/*']) app.use(path, dashboard);

  const jsonLimit = jsonBodyLimit({ maxSize: s.config.bodyLimitBytes, onError: () => {
    throw new FathomError({ code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${s.config.bodyLimitBytes} bytes: send less or raise server.bodyLimitBytes.`, details: { limitBytes: s.config.bodyLimitBytes } });
  } });
  app.use('/v1/*', async (c, next) => (c.req.path === '/v1/ingest' || c.req.path === '/v1/tune/jobs' ? next() : jsonLimit(c, next)));
  app.use('/v1/*', authenticate(s));
  if (s.config.rateLimit !== false) {
    const rl = s.config.rateLimit ?? DEFAULT_RATE_LIMIT;
    app.use('/v1/*', rateLimit({ ...rl, now }));
  }
  searchRoute(app, s);
  askRoute(app, s);
  documentsRoute(app, s);
  documentAclRoute(app, s);
  ingestRoute(app, s);
  auditExportRoute(app, s);
  feedbackRoute(app, s); // before auditRoute: its feedback handler is the fallback for stores without annotateQueryLog
  auditRoute(app, s);
  openaiRoute(app, s);
  evalRoute(app, s);
  tuneRoute(app, s);
  monitorRoute(app, s);
  monitorSeriesRoute(app, s);
  keysRoute(app, s);
  whoamiRoute(app);
  promptsRoute(app, s);
  const onlineScoring = options.onlineScoring ? scheduleOnlineScoring({ ...options.onlineScoring, jobs, store, logger: s.logger }) : undefined;

  return {
    app, metrics, jobs, onlineScoring,
    resumeJobs: () => jobs.resume(),
    get inflight() {
      return inflight;
    },
    async drain(timeoutMs = s.config.drainTimeoutMs) {
      draining = true;
      onlineScoring?.stop();
      const deadline = now() + timeoutMs;
      if (inflight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          const f = () => resolve();
          idle.add(f);
          timer = setTimeout(resolve, timeoutMs);
        });
        clearTimeout(timer);
      }
      await jobs.drain(Math.max(0, deadline - now()));
    },
  };
}

/** `body`, calling `end` once when it is fully read or cancelled (client gone). */
function _onEnd(body: ReadableStream<Uint8Array>, end: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let ended = false;
  const finish = () => {
    if (!ended) {
      ended = true;
      end();
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const r = await reader.read();
        if (r.done) {
          finish();
          controller.close();
        } else controller.enqueue(r.value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}

function _checkConfig(config: ServerConfig): ServerConfig {
  try {
    return validateBody<ServerConfig>(serverConfigSchema, config);
  } catch (error) {
    const fe = toFathomError(error);
    throw new FathomError({ code: 'INVALID_CONFIG', message: `fathom.config.json "server": ${fe.message.replace(/^Invalid ServerConfig: /, '')}`, details: fe.details });
  }
}
