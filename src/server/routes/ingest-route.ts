/**
 * Ingest as jobs. `POST /v1/ingest` (writer): multipart upload of files (`files` fields; JSONL and CSV
 * records become documents); each file is written to a private temp folder and its name becomes the
 * document id. `POST /v1/ingest/paths` (admin): server-side paths. Both return `202` with the job;
 * both take `ocr` (auto | off: PDF pages without a text layer; default the server's `ingest.ocr`, else auto);
 * `GET /v1/jobs/{id}` gives status, progress and, when done, the IngestReport.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ingest } from '../../ingest/index.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { requireRole } from '../middleware/require-role.js';
import { ingestPathsRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';
import { publicJob } from '../jobs/public-job.js';

interface _IngestParams {
  paths: string[];
  cwd?: string;
  /** The upload's private folder, removed when the job has finished. */
  uploadDir?: string;
  collection?: string;
  sync?: boolean;
  loaderOptions?: { textFields?: string[]; titleField?: string; idField?: string; ocr?: 'auto' | 'off' };
}

const _uploads = async (workDir: string) => {
  const dir = join(workDir, 'uploads');
  await mkdir(dir, { recursive: true });
  return dir;
};

export function ingestRoute(app: Hono<_Env>, s: _ServerContext): void {
  const chunker = () => {
    if (!s.options.chunker) throw new FathomError({ code: 'INVALID_CONFIG', message: 'This server was started without a chunker, so it cannot ingest: start it with `fathom serve` (which builds one from the config).' });
    return s.options.chunker;
  };
  s.jobs.handle('ingest', {
    run: async ({ identity, params, progress, signal }) => {
      const p = params as _IngestParams;
      if (p.uploadDir && !(await stat(p.uploadDir).catch(() => undefined))) throw new FathomError({ code: 'INTERRUPTED', message: 'The uploaded files of this job are gone (the server restarted without its work folder): upload them again.' });
      return ingest({
        store: s.store, tenant: identity.tenant, paths: p.paths, cwd: p.cwd, chunker: chunker(), embedder: s.options.embedder,
        collection: p.collection ?? s.options.ingest?.collection, sync: p.sync, maxFileBytes: s.options.ingest?.maxFileBytes, batchSize: s.options.ingest?.batchSize,
        loaderOptions: { ...p.loaderOptions, ocr: p.loaderOptions?.ocr ?? s.options.ingest?.ocr ?? 'auto' }, onProgress: (x) => progress({ ...x }), signal,
      });
    },
    cleanup: async (params) => {
      const dir = (params as _IngestParams).uploadDir;
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  });
  const tooLarge = () => {
    throw new FathomError({ code: 'PAYLOAD_TOO_LARGE', message: `The upload is larger than ${s.config.uploadLimitBytes} bytes: split it or raise server.uploadLimitBytes.`, details: { limitBytes: s.config.uploadLimitBytes } });
  };

  app.post('/v1/ingest', requireRole('writer'), bodyLimit({ maxSize: s.config.uploadLimitBytes, onError: tooLarge }), async (c) => {
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Upload files as multipart/form-data with one or more "files" fields (curl -F files=@doc.md).' });
    const form = await c.req.parseBody({ all: true });
    const files = ([] as unknown[]).concat(form.files ?? []).filter((f): f is File => f instanceof File);
    if (files.length === 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'No files in the upload: send one or more "files" fields (curl -F files=@doc.md).' });
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    chunker();
    const dir = await mkdtemp(join(s.options.workDir ? await _uploads(s.options.workDir) : tmpdir(), 'fathom-upload-'));
    const names = new Set<string>();
    for (const f of files) {
      const name = basename(f.name || 'upload.txt').replace(/^\.+/, '_');
      if (names.has(name)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Two uploaded files are named "${name}": file names are document ids and must be unique.` });
      names.add(name);
      await writeFile(join(dir, name), Buffer.from(await f.arrayBuffer()));
    }
    const textField = field('textField');
    const ocr = field('ocr');
    if (ocr !== undefined && ocr !== 'auto' && ocr !== 'off') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The "ocr" field must be auto or off, got "${ocr.slice(0, 40)}".` });
    const params: _IngestParams = {
      paths: [dir], cwd: dir, uploadDir: dir, collection: field('collection'),
      loaderOptions: { textFields: textField ? textField.split(',') : undefined, titleField: field('titleField'), idField: field('idField'), ...(ocr ? { ocr } : {}) },
    };
    return c.json(publicJob(await s.jobs.start({ identity: c.get('identity'), kind: 'ingest', params })), 202);
  });

  app.post('/v1/ingest/paths', requireRole('admin'), async (c) => {
    const body = validateBody<{ paths: string[]; collection?: string; sync?: boolean; ocr?: 'auto' | 'off' }>(ingestPathsRequestSchema, await readJson(c));
    chunker();
    const params: _IngestParams = { paths: body.paths, collection: body.collection, sync: body.sync, ...(body.ocr ? { loaderOptions: { ocr: body.ocr } } : {}) };
    return c.json(publicJob(await s.jobs.start({ identity: c.get('identity'), kind: 'ingest', params })), 202);
  });

  app.get('/v1/jobs/:id', async (c) => {
    const id = c.req.param('id');
    const job = await s.jobs.get({ tenant: c.get('identity').tenant, id });
    if (!job) throw new FathomError({ code: 'NOT_FOUND', message: `No job "${id}" in your tenant.`, details: { id } });
    return c.json(publicJob(job));
  });

  app.post('/v1/jobs/:id/cancel', requireRole('writer'), async (c) => {
    const id = c.req.param('id');
    const job = await s.jobs.cancel({ tenant: c.get('identity').tenant, id });
    if (!job) throw new FathomError({ code: 'NOT_FOUND', message: `No job "${id}" in your tenant.`, details: { id } });
    return c.json(publicJob(job));
  });
}
