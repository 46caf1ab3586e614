/**
 * Evaluation through the API, with the library functions the CLI uses (`fathom eval run|compare`,
 * `diagnose`, `decide`, `report`):
 * - `POST /v1/eval/runs` (writer) starts `evaluate()` over a golden set as a job (202); progress and the run
 *   id in `GET /v1/jobs/{id}`. Answers are retrieved as the caller, or (admin) as `asPrincipal`, so a golden
 *   set can check permission-aware answers. Resumable: results are cached under the server's work folder.
 * - `GET /v1/eval/runs`, `GET /v1/eval/runs/{id}` (the run with every result), `…/diagnosis`,
 *   `POST …/decision`, `GET …/report?format=json|markdown|html[&baseline=<runId>]`, `POST /v1/eval/compare`.
 */
import { join } from 'node:path';
import type { Hono } from 'hono';
import { decide, diagnose } from '../../decide/index.js';
import { compareRuns, evaluate, validateGoldenItem, type EvalPipeline } from '../../evaluate/index.js';
import { renderReport, type ReportFormat } from '../../report/index.js';
import { answer } from '../../generate/index.js';
import type { Principal } from '../../spec/access.js';
import type { CostInputs, Questionnaire } from '../../spec/decision.js';
import type { EvalMode, GoldenItem } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { DEFAULT_PIPELINE } from '../_context.js';
import { listEvalRuns, requireEvalRun, saveEvalRun } from '../evals/eval-run-store.js';
import { publicJob } from '../jobs/public-job.js';
import { hasRole, requireRole } from '../middleware/require-role.js';
import { readerOf } from '../reader-of.js';
import { compareRunsRequestSchema, decideRequestSchema, evalRunRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { pipelineAnswerOptions } from './_pipeline-answer.js';
import { readJson } from './_read-json.js';

interface _EvalParams { items: GoldenItem[]; name?: string; modes?: EvalMode[]; pipeline?: string; k?: number; concurrency?: number; asPrincipal?: Principal }
const _formats: Record<string, { format: ReportFormat; type: string }> = {
  json: { format: 'json', type: 'application/json' }, markdown: { format: 'markdown', type: 'text/markdown; charset=utf-8' }, md: { format: 'markdown', type: 'text/markdown; charset=utf-8' }, html: { format: 'html', type: 'text/html; charset=utf-8' },
};

export function evalRoute(app: Hono<_Env>, s: _ServerContext): void {
  s.jobs.handle('eval', {
    run: async ({ job, identity, params, progress, signal }) => {
      const p = params as _EvalParams;
      const name = p.pipeline ?? DEFAULT_PIPELINE;
      const reader = p.asPrincipal ?? readerOf(identity);
      const base = pipelineAnswerOptions(s, { identity, question: '', pipeline: name, k: p.k, requestId: job.id, signal });
      const pipeline: EvalPipeline = { answer: (o) => answer({ ...base, principal: reader, question: o.question, context: o.context, responseFormat: o.responseFormat, log: false, signal: o.signal }) };
      const answerer = base.model ? `${base.model.provider}:${base.model.modelId}` : 'extractive';
      const topK = base.retrieval?.topK;
      const run = await evaluate({
        items: p.items, pipeline, modes: p.modes, store: s.store, tenant: identity.tenant, answerer, retrievalDepth: topK, concurrency: p.concurrency ?? 2,
        config: { pipeline: name, answerer, retrieval: { mode: base.retrieval?.mode, topK }, asPrincipal: reader, via: 'server' },
        cacheDir: s.options.workDir ? join(s.options.workDir, 'eval-cache', encodeURIComponent(identity.tenant)) : undefined,
        dataset: p.name ? { path: p.name, sha256: '' } : undefined,
        signal, onProgress: (x) => progress({ ...x }), _internal: { now: s.now, generateId: s.generateId },
      });
      await saveEvalRun(s.store, identity.tenant, { run, principal: identity.principal, asPrincipal: reader, jobId: job.id });
      return { runId: run.id, summary: run.summary };
    },
  });

  app.post('/v1/eval/runs', requireRole('writer'), async (c) => {
    const body = validateBody<_EvalParams>(evalRunRequestSchema, await readJson(c));
    const identity = c.get('identity');
    if (body.asPrincipal && !hasRole(identity.role, 'admin')) throw new FathomError({ code: 'FORBIDDEN', message: 'Only an admin may evaluate as another principal: drop "asPrincipal" to evaluate as yourself.', details: { role: identity.role, needed: 'admin' } });
    if (!s.pipelines.has(body.pipeline ?? DEFAULT_PIPELINE)) throw new FathomError({ code: 'NOT_FOUND', message: `No pipeline "${body.pipeline}": use one of ${[...s.pipelines.keys()].join(', ')} (GET /v1/models).` });
    const items = body.items.map((raw, i) => {
      const v = validateGoldenItem(raw);
      if (!v.ok) throw new FathomError({ code: 'INVALID_DATASET', message: `items[${i}]: ${v.errors.join('; ')}.`, details: { index: i, errors: v.errors } });
      return v.item;
    });
    if (!hasRole(identity.role, 'admin')) await _checkReadable(s, identity.tenant, readerOf(identity), items);
    const job = await s.jobs.start({ identity, kind: 'eval', params: { ...body, items } });
    return c.json(publicJob(job), 202);
  });

  app.get('/v1/eval/runs', async (c) => {
    const identity = c.get('identity');
    return c.json({ runs: (await listEvalRuns(s.store, identity.tenant, identity)).reverse() });
  });
  app.get('/v1/eval/runs/:id', async (c) => c.json(await requireEvalRun(s.store, c.get('identity'), c.req.param('id'))));
  app.get('/v1/eval/runs/:id/diagnosis', async (c) => c.json(diagnose({ run: (await requireEvalRun(s.store, c.get('identity'), c.req.param('id'))).run })));
  app.post('/v1/eval/runs/:id/decision', async (c) => {
    const body = validateBody<{ answers?: Partial<Questionnaire>; costs?: CostInputs }>(decideRequestSchema, await readJson(c));
    const { run } = await requireEvalRun(s.store, c.get('identity'), c.req.param('id'));
    return c.json(decide({ diagnosis: diagnose({ run }), run, answers: body.answers ?? {}, costs: body.costs ?? {} }));
  });
  app.get('/v1/eval/runs/:id/report', async (c) => {
    const identity = c.get('identity');
    const name = (c.req.query('format') ?? 'html').toLowerCase();
    const f = _formats[name];
    if (!f) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `format must be json, markdown or html, got "${name}".` });
    const { run } = await requireEvalRun(s.store, identity, c.req.param('id'));
    const baseline = c.req.query('baseline');
    const comparison = baseline ? compareRuns({ a: (await requireEvalRun(s.store, identity, baseline)).run, b: run }) : undefined;
    return c.body(renderReport({ run, diagnosis: diagnose({ run }), comparison, format: f.format }), 200, { 'content-type': f.type });
  });
  app.post('/v1/eval/compare', async (c) => {
    const body = validateBody<{ a: string; b: string; gates?: string[]; gateOn?: 'delta' | 'ci'; samples?: number; seed?: number }>(compareRunsRequestSchema, await readJson(c));
    const identity = c.get('identity');
    const [a, b] = await Promise.all([requireEvalRun(s.store, identity, body.a), requireEvalRun(s.store, identity, body.b)]);
    return c.json(compareRuns({ a: a.run, b: b.run, gates: body.gates, gateOn: body.gateOn, bootstrap: { samples: body.samples, seed: body.seed } }));
  });
}

/** A non-admin's golden set may only name documents they may read: the oracle mode would otherwise hand them hidden text. */
async function _checkReadable(s: _ServerContext, tenant: string, principal: Principal, items: GoldenItem[]): Promise<void> {
  const sources = items.flatMap((i) => i.sources);
  const docs = new Set(sources.flatMap((src) => ('documentId' in src ? [src.documentId] : [])));
  const chunks = [...new Set(sources.flatMap((src) => ('chunkId' in src ? [src.chunkId] : [])))];
  const hidden = (what: string) => new FathomError({ code: 'INVALID_DATASET', message: `The golden set names ${what}, which does not exist or you may not read: fix the items' sources.`, details: { source: what } });
  for (const id of docs) if (!(await s.store.getDocument({ tenant, id, principal }))) throw hidden(`document "${id}"`);
  const found = new Set((chunks.length ? await s.store.getChunks({ tenant, ids: chunks, principal }) : []).map((c) => c.id));
  const missing = chunks.find((id) => !found.has(id));
  if (missing) throw hidden(`chunk "${missing}"`);
}
