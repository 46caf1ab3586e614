import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Scripted behaviour of {@link startFineTuningServer}. */
export interface FineTuningServerScript {
  /** The bearer token the server accepts; anything else gets 401. @default 'test-key' */
  apiKey?: string;
  /** Make every job fail instead of succeeding, with this provider error. */
  fail?: { message: string; code?: string };
  /** Answer the first `times` requests with 429 (and `retry-after-ms`). */
  rateLimit?: { times: number; retryAfterMs?: number };
  /** Answer the first `times` requests (after any rate limiting) with 500. */
  serverErrors?: { times: number };
  /** Largest events page, to exercise `after` paging. @default 100 */
  eventsPageSize?: number;
}

/** One request the server received. */
export interface RecordedTuneRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** Parsed JSON, or for multipart uploads `{ fields, file: { name, size, text } }`. */
  body: unknown;
}

/** A running fine-tuning server. */
export interface FineTuningServer {
  /** API root to pass as `baseURL`, e.g. `http://127.0.0.1:41234/v1`. */
  baseURL: string;
  requests: RecordedTuneRequest[];
  /** Uploaded files by id, with their text. */
  files: Map<string, { id: string; filename: string; purpose: string; text: string }>;
  close(): Promise<void>;
}

type Job = Record<string, unknown> & { id: string; status: string; events: Array<Record<string, unknown>> };

const progression: Record<string, string> = { validating_files: 'queued', queued: 'running', running: 'succeeded' };

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI fine-tuning protocol: `POST /v1/files` (multipart),
 * `POST /v1/fine_tuning/jobs`, `GET /v1/fine_tuning/jobs/{id}`, `GET …/events` (newest first, `after` pages to
 * older), `POST …/cancel`. Together's paths (`/files/upload`, `/fine-tunes`) are aliases. Each GET of a job
 * moves it one step: validating_files → queued → running → succeeded (or failed, when scripted).
 */
export async function startFineTuningServer({ script = {} }: { script?: FineTuningServerScript } = {}): Promise<FineTuningServer> {
  const { apiKey = 'test-key', eventsPageSize = 100 } = script;
  const requests: RecordedTuneRequest[] = [];
  const files: FineTuningServer['files'] = new Map();
  const jobs = new Map<string, Job>();
  let counter = 0;
  let clock = 1_767_225_600; // unix seconds, advanced one per event
  let rateLimited = 0;
  let serverErrors = 0;

  const addEvent = (job: Job, message: string, level = 'info', data: unknown = null, type = 'message'): void => {
    job.events.push({ object: 'fine_tuning.job.event', id: `ftevent-${++counter}`, created_at: ++clock, level, message, data, type });
  };
  const view = ({ events: _events, ...job }: Job): Record<string, unknown> => job;

  const advance = (job: Job): void => {
    const next = progression[job.status];
    if (!next) return;
    if (next === 'succeeded' && script.fail) {
      job.status = 'failed';
      job.error = { code: script.fail.code ?? 'invalid_training_file', message: script.fail.message, param: 'training_file' };
      job.finished_at = ++clock;
      addEvent(job, script.fail.message, 'error');
      return;
    }
    job.status = next;
    if (next === 'queued') addEvent(job, 'Files validated, moving job to queued state');
    if (next === 'running') {
      addEvent(job, 'Fine-tuning job started');
      for (let step = 1; step <= 3; step++) addEvent(job, `Step ${step}/3: training loss=${(1 / step).toFixed(2)}`, 'info', { step, train_loss: 1 / step }, 'metrics');
    }
    if (next === 'succeeded') {
      job.fine_tuned_model = `ft:${String(job.model)}:fathom${job.suffix ? `:${String(job.suffix)}` : ''}:${job.id}`;
      job.finished_at = ++clock;
      job.trained_tokens = 1234;
      addEvent(job, `New fine-tuned model created: ${job.fine_tuned_model}`);
      addEvent(job, 'The job has successfully completed');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await _readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    let body: unknown = undefined;
    let form: FormData | undefined;
    if (contentType.startsWith('multipart/form-data')) {
      form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
      const file = form.get('file');
      const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
      body = { fields, file: file instanceof Blob ? { name: (file as File).name, size: file.size, text: await file.text() } : undefined };
    } else if (raw.length > 0) {
      try { body = JSON.parse(raw.toString('utf8')); } catch { body = raw.toString('utf8'); }
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, body });

    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const fail = (status: number, message: string, code: string, param: string | null = null): void => send(status, { error: { message, type: 'invalid_request_error', param, code } });

    if (req.headers.authorization !== `Bearer ${apiKey}`) return fail(401, 'Incorrect API key provided.', 'invalid_api_key');
    if (script.rateLimit && rateLimited < script.rateLimit.times) {
      rateLimited++;
      return send(429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after-ms': String(script.rateLimit.retryAfterMs ?? 5) });
    }
    if (script.serverErrors && serverErrors < script.serverErrors.times) {
      serverErrors++;
      return send(500, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
    }

    const path = url.pathname.replace(/^\/v1/, '').replace(/^\/fine-tunes/, '/fine_tuning/jobs').replace(/^\/files\/upload$/, '/files');
    const m = /^\/fine_tuning\/jobs\/([^/]+)(\/events|\/cancel)?$/.exec(path);
    if (req.method === 'POST' && path === '/files') {
      const file = form?.get('file');
      if (!(file instanceof Blob)) return fail(400, "Missing multipart field 'file'.", 'missing_file', 'file');
      const purpose = String(form?.get('purpose') ?? '');
      if (purpose !== 'fine-tune') return fail(400, `Invalid purpose '${purpose}'.`, 'invalid_purpose', 'purpose');
      const id = `file-${++counter}`;
      const text = await file.text();
      files.set(id, { id, filename: (file as File).name, purpose, text });
      return send(200, { object: 'file', id, bytes: file.size, created_at: ++clock, filename: (file as File).name, purpose, status: 'processed' });
    }
    if (req.method === 'POST' && path === '/fine_tuning/jobs') {
      const b = (body ?? {}) as Record<string, unknown>;
      if (typeof b.model !== 'string') return fail(400, "Missing required parameter 'model'.", 'missing_required_parameter', 'model');
      if (!files.has(String(b.training_file))) return fail(400, `Invalid training_file: ${String(b.training_file)}`, 'invalid_training_file', 'training_file');
      if (b.validation_file !== undefined && !files.has(String(b.validation_file))) return fail(400, `Invalid validation_file: ${String(b.validation_file)}`, 'invalid_validation_file', 'validation_file');
      const id = `ftjob-${++counter}`;
      const job: Job = {
        object: 'fine_tuning.job', id, model: b.model, created_at: ++clock, status: 'validating_files', fine_tuned_model: null, finished_at: null,
        training_file: b.training_file, validation_file: b.validation_file ?? null, suffix: b.suffix ?? null, hyperparameters: b.hyperparameters ?? {}, error: null, events: [],
      };
      addEvent(job, 'Validating training file: ' + String(b.training_file));
      jobs.set(id, job);
      return send(200, view(job));
    }
    const job = m ? jobs.get(decodeURIComponent(m[1]!)) : undefined;
    if (m && !job) return fail(404, `No such job: ${m[1]}`, 'not_found', 'id');
    if (job && req.method === 'GET' && !m![2]) {
      advance(job);
      return send(200, view(job));
    }
    if (job && req.method === 'GET' && m![2] === '/events') {
      const newestFirst = [...job.events].reverse();
      const after = url.searchParams.get('after');
      const start = after ? newestFirst.findIndex((e) => e.id === after) + 1 : 0;
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), eventsPageSize);
      const data = newestFirst.slice(start, start + limit);
      return send(200, { object: 'list', data, has_more: start + limit < newestFirst.length });
    }
    if (job && req.method === 'POST' && m![2] === '/cancel') {
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return fail(400, `Job ${job.id} has already finished (${job.status}).`, 'job_finished');
      job.status = 'cancelled';
      job.finished_at = ++clock;
      addEvent(job, 'Fine-tuning job cancelled');
      return send(200, view(job));
    }
    return fail(404, `Unknown route ${req.method} ${url.pathname}`, 'unknown_route');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    files,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

async function _readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
