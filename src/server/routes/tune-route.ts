/**
 * Fine-tuning jobs through the API, with the tune job machinery the CLI uses (`fathom tune start|status|cancel`):
 * records live in the tenant's store, the training data is written under the server's work folder.
 * `POST /v1/tune/jobs` (admin: it spends money at the provider) uploads and creates the job (201);
 * `GET /v1/tune/jobs[/{id}]` reads it, polling the provider once for a running job and storing its new events;
 * `POST /v1/tune/jobs/{id}/cancel` (admin) asks the provider to cancel.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { TuneHyperparameters } from '../../spec/tune-backend.js';
import type { TuneJobRecord } from '../../spec/tune-job.js';
import { cancelTuneJob, getTuneJob, listTuneJobs, refreshTuneJob, startTuneJob } from '../../tune/index.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { requireRole } from '../middleware/require-role.js';
import { tuneJobRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';

interface _TuneRequest { backend: string; baseModel: string; train: string | object[]; validation?: string | object[]; hyperparameters?: TuneHyperparameters; suffix?: string; seed?: number }
const _jsonl = (data: string | object[]) => (typeof data === 'string' ? (data.endsWith('\n') ? data : `${data}\n`) : data.map((r) => `${JSON.stringify(r)}\n`).join(''));

export function tuneRoute(app: Hono<_Env>, s: _ServerContext): void {
  const backendOf = (name: string) => {
    const b = s.options.tuneBackends?.[name];
    if (!b) throw new FathomError({ code: 'INVALID_CONFIG', message: `No fine-tuning backend "${name}" on this server (configured: ${Object.keys(s.options.tuneBackends ?? {}).join(', ') || 'none'}): add it to "tune.backends" and set its API key variable.`, details: { backend: name } });
    return b;
  };
  const find = async (tenant: string, id: string): Promise<TuneJobRecord> => {
    const job = await getTuneJob({ store: s.store, tenant, id });
    if (!job) throw new FathomError({ code: 'NOT_FOUND', message: `No fine-tuning job "${id}" in your tenant: list them with GET /v1/tune/jobs.`, details: { id } });
    return job;
  };
  const tooLarge = () => {
    throw new FathomError({ code: 'PAYLOAD_TOO_LARGE', message: `The training data is larger than ${s.config.uploadLimitBytes} bytes: send less or raise server.uploadLimitBytes.`, details: { limitBytes: s.config.uploadLimitBytes } });
  };

  app.post('/v1/tune/jobs', requireRole('admin'), bodyLimit({ maxSize: s.config.uploadLimitBytes, onError: tooLarge }), async (c) => {
    const body = validateBody<_TuneRequest>(tuneJobRequestSchema, await readJson(c));
    const { backend, baseURL } = backendOf(body.backend);
    const root = s.options.workDir ? join(s.options.workDir, 'tune') : tmpdir();
    await mkdir(root, { recursive: true });
    const dir = await mkdtemp(join(root, 'data-'));
    const trainPath = join(dir, 'train.jsonl');
    await writeFile(trainPath, _jsonl(body.train));
    const validationPath = body.validation ? join(dir, 'validation.jsonl') : undefined;
    if (validationPath) await writeFile(validationPath, _jsonl(body.validation!));
    const job = await startTuneJob({
      store: s.store, tenant: c.get('identity').tenant, backend, backendName: body.backend, baseURL, baseModel: body.baseModel, trainPath, validationPath,
      hyperparameters: body.hyperparameters, suffix: body.suffix, seed: body.seed, signal: c.get('signal'), _internal: { now: s.now },
    });
    return c.json(job, 201);
  });

  app.get('/v1/tune/jobs', async (c) => c.json({ jobs: await listTuneJobs({ store: s.store, tenant: c.get('identity').tenant }) }));

  app.get('/v1/tune/jobs/:id', async (c) => {
    const tenant = c.get('identity').tenant;
    const job = await find(tenant, c.req.param('id'));
    const b = s.options.tuneBackends?.[job.backend];
    // Without the backend here the stored record is all there is (its events up to the last poll).
    return c.json(b ? await refreshTuneJob({ store: s.store, tenant, backend: b.backend, id: job.id, signal: c.get('signal'), _internal: { now: s.now } }) : job);
  });

  app.post('/v1/tune/jobs/:id/cancel', requireRole('admin'), async (c) => {
    const tenant = c.get('identity').tenant;
    const job = await find(tenant, c.req.param('id'));
    return c.json(await cancelTuneJob({ store: s.store, tenant, backend: backendOf(job.backend).backend, id: job.id, signal: c.get('signal'), _internal: { now: s.now } }));
  });
}
