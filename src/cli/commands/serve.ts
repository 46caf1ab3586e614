/**
 * `fathom serve`: the HTTP API on @hono/node-server, loopback by default. Builds the store, models and
 * chunker from the config (the server itself reads no config), logs JSON lines (pino) to stdout, and on
 * SIGTERM / SIGINT stops accepting connections, drains in-flight requests and jobs, then exits 0.
 */
import { dirname, join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { defineCommand } from 'citty';
import pino from 'pino';
import { createServer, DEFAULT_RATE_LIMIT, type Pipeline } from '../../server/index.js';
import type { ChatModel } from '../../spec/chat-model.js';
import type { ServerConfig } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import { buildChatModel, buildChunker, buildEmbedder, buildReranker } from '../build.js';
import { resolvePath } from '../config.js';
import { buildOnlineJudging } from '../build-online-judging.js';
import { commonArgs } from '../common-args.js';
import { cliContext, type CliContext } from '../context.js';
import { knownTenants } from '../known-tenants.js';
import { openStore } from '../open-store.js';
import { readPromptVariants } from '../read-prompt-variants.js';
import { asServeWorker, runServePrimary, serveWorkerHooks, serveWorkerIndex } from './_serve-cluster.js';
import { _startTracing } from './_serve-tracing.js';
import { defaultTuneBackends, tuneBackendFor } from './tune/start.js';

/** `<host>:<port>`; with port 0 (a free port each start) no two processes may share it, so the pid is added. */
function _defaultInstanceId(host: string, port: number): string {
  return port === 0 ? `${host}:0:${process.pid}` : `${host}:${port}`;
}

/** The fine-tuning backends whose API key is set (built-in and `tune.backends`); the others are left out. */
function _tuneBackends(c: CliContext): Record<string, ReturnType<typeof tuneBackendFor>> {
  const configured = (c.config as unknown as { tune?: { backends?: Record<string, unknown> } }).tune?.backends ?? {};
  const out: Record<string, ReturnType<typeof tuneBackendFor>> = {};
  for (const name of new Set([...Object.keys(defaultTuneBackends), ...Object.keys(configured)])) {
    try {
      out[name] = tuneBackendFor(c, name);
    } catch { /* no API key for it: not offered */ }
  }
  return out;
}

/** One worker's share of the per-key rate limit (connections are spread round-robin over the workers). */
function _workerShare(limit: ServerConfig['rateLimit'], workers: number): ServerConfig['rateLimit'] {
  if (workers === 1 || limit === false) return limit;
  const { requestsPerMinute, burst } = limit ?? DEFAULT_RATE_LIMIT;
  return { requestsPerMinute: requestsPerMinute / workers, ...(burst !== undefined ? { burst: Math.max(1, Math.ceil(burst / workers)) } : {}) };
}

/** `server.pipelines` of the config: each generator built once per model spec (and loaded), the server's own reused. */
async function _buildPipelines(c: CliContext, cfg: ServerConfig, chat: ChatModel | undefined): Promise<{ byName: Record<string, Pipeline>; models: ChatModel[] }> {
  const bySpec = new Map<string, ChatModel | undefined>();
  const byName: Record<string, Pipeline> = {};
  for (const [name, p] of Object.entries(cfg.pipelines ?? {})) {
    const { model: spec, ...rest } = p;
    let model = chat;
    if (spec !== undefined) {
      if (!bySpec.has(spec)) bySpec.set(spec, await buildChatModel(c.config, c.io, spec));
      model = bySpec.get(spec);
    }
    byName[name] = { ...rest, model };
  }
  return { byName, models: [...bySpec.values()].filter((m): m is ChatModel => m !== undefined) };
}

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'Run the HTTP API (search, ask, documents, ingest jobs, audit log, OpenAI-compatible /v1/chat/completions)' },
  args: {
    ...commonArgs,
    port: { type: 'string', schema: { type: 'integer', minimum: 0, maximum: 65535 }, description: 'Port (default: config server.port, else 8787; 0 picks a free one)', valueHint: 'n' },
    host: { type: 'string', description: 'Interface to listen on (default: config server.host, else 127.0.0.1 — loopback only)', valueHint: 'addr' },
    model: { type: 'string', description: 'Generator of the default pipeline fathom-rag: llama-cpp:<file.gguf>, openai-compatible:<model>, anthropic:<model> or extractive (default: config "generation")', valueHint: 'spec' },
    'instance-id': { type: 'string', description: 'Name of this process among those sharing the store: it resumes its own unfinished jobs after a restart (default: config server.instanceId, else <host>:<port>; with --port 0, <host>:0:<pid>)', valueHint: 'name' },
    prompt: { type: 'string', description: 'Prompt variants callers may choose (`prompt` of /v1/ask, the dashboard\'s Prompt choice; listed by GET /v1/prompts): JSON [{ "id", "system"?, "instructions"?, "examples"? }, …] as for `eval run --prompt`', valueHint: 'prompts.json' },
    workers: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 64 }, description: 'Server processes on this port and store (node:cluster; one per core): a dead one is restarted, /metrics sums them all, each takes 1/N of the rate limit (default 1)', valueHint: 'n' },
    'log-level': { type: 'string', schema: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }, description: 'fatal | error | warn | info | debug | silent (default info)', valueHint: 'level' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const cfg: ServerConfig = { ...c.config.server };
    const port = ctx.args.port === undefined ? (cfg.port ?? 8787) : Number(ctx.args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--port must be an integer from 0 to 65535, got "${String(ctx.args.port)}".` });
    const host = (ctx.args.host as string | undefined) ?? cfg.host ?? '127.0.0.1';
    const level = (ctx.args['log-level'] as string | undefined) ?? 'info';
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--log-level must be fatal, error, warn, info, debug or silent, got "${level}".` });
    const workers = ctx.args.workers === undefined ? 1 : Number(ctx.args.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--workers must be an integer from 1 to 64, got "${String(ctx.args.workers)}".` });
    const worker = workers > 1 ? serveWorkerIndex(c.io.env) : undefined;
    const logger = pino({ level, base: { service: 'fathom', ...(worker !== undefined ? { worker } : {}) } }, { write: (line: string) => c.io.out(line) });
    if (workers > 1 && worker === undefined) return runServePrimary({ workers, args: ['serve', ...ctx.rawArgs], cwd: c.io.cwd, logger, signal: c.io.signal });
    // A worker closes its channel to the primary however it ends (the channel would keep a failed worker alive).
    const serveHere = async (): Promise<number> => {
      let hooks: ReturnType<typeof serveWorkerHooks> | undefined;

      const embedder = await buildEmbedder(c.config, c.io);
      const chat = await buildChatModel(c.config, c.io, ctx.args.model as string | undefined);
      // Local models load before the port opens (token counting needs the loaded tokenizer).
      await (chat as { load?: () => Promise<void> } | undefined)?.load?.();
      const reranker = c.config.rerank ? await buildReranker(c.config, c.io) : undefined;
      const chunker = await buildChunker(c.config.ingest.chunker, embedder);
      const tracing = cfg.tracing ? await _startTracing(cfg.tracing) : undefined;
      const store = await openStore({ location: c.storeUrl ?? c.storePath, config: c.config });
      const tuneBackends = _tuneBackends(c);
      const promptsFile = ctx.args.prompt !== undefined ? resolve(c.io.cwd, String(ctx.args.prompt)) : cfg.prompts !== undefined ? resolvePath(c.config, cfg.prompts) : undefined;
      const prompts = promptsFile === undefined ? undefined : readPromptVariants(promptsFile).variants;
      const pipelines = await _buildPipelines(c, cfg, chat);
      const online = c.config.monitor?.online;
      // SQLite cannot list its tenants through the Store contract: the configured tenant and those holding documents.
      const onlineScoring = online && (worker ?? 0) === 0 ? { ...online, tenants: [...new Set([c.tenant, ...(c.storeUrl ? [] : knownTenants(c.storePath))])] } : undefined;
      const onlineJudge = await buildOnlineJudging(c.config, c.io);
      const server = createServer({
        tuneBackends, store, pipelines: pipelines.byName, config: { ...cfg, rateLimit: _workerShare(cfg.rateLimit, workers), instanceId: `${(ctx.args['instance-id'] as string | undefined) ?? cfg.instanceId ?? _defaultInstanceId(host, port)}${worker === undefined ? '' : `#w${worker}`}` }, ...(worker === undefined ? {} : { metricsText: () => hooks!.clusterMetrics() }), workDir: join(dirname(c.storePath), 'server'), chunker, embedder, reranker, chat, prompts, rerankTopN: c.config.rerank?.topN, prices: c.config.prices, logger, tracer: tracing?.tracer, onlineScoring, onlineJudge,
        search: { mode: c.config.search.mode === 'bm25' || embedder ? c.config.search.mode : 'bm25', topK: c.config.search.topK },
        ingest: { collection: c.config.ingest.collection, maxFileBytes: c.config.ingest.maxFileBytes, batchSize: c.config.ingest.batchSize, ...(c.config.ingest.ocr ? { ocr: c.config.ingest.ocr } : {}) },
      });
      const http = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve({ fetch: server.app.fetch, port, hostname: host }, () => resolve(s));
        s.once('error', (error: NodeJS.ErrnoException) => reject(new FathomError({ code: 'INVALID_ARGUMENT', message: `Cannot listen on ${host}:${port} (${error.code ?? error.message}): choose another --port or stop the other process.` })));
      });
      if (worker !== undefined) hooks = serveWorkerHooks(server.metrics.registry);
      const address = http.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      const resumed = await server.resumeJobs();
      if (resumed.length) logger.info({ jobs: resumed.map((j) => j.id) }, 'resumed unfinished jobs');
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
      hooks?.listening(url);
      logger.info({ url, dashboard: `${url}/`, onlineScoring: online ?? false, onlineJudge: c.config.monitor?.judge ?? false, store: store.location, tenantScoped: true, pipelines: [...new Set(['fathom-rag', ...Object.keys(pipelines.byName)])], tuneBackends: Object.keys(tuneBackends), model: chat ? `${chat.provider}:${chat.modelId}` : 'extractive' }, 'listening');

      await new Promise<void>((resolve) => {
        if (c.io.signal?.aborted) resolve();
        c.io.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      logger.info({ inflight: server.inflight, jobs: server.jobs.running }, 'shutting down: draining');
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      (http as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      await server.drain();
      (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      await tracing?.shutdown();
      await store.close();
      for (const m of new Set([chat, ...pipelines.models])) await (m as { dispose?: () => Promise<void> } | undefined)?.dispose?.();
      logger.info('stopped');
      return 0;
    };
    return worker === undefined ? serveHere() : asServeWorker(serveHere);
  },
});
