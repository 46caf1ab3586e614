/**
 * Continuous evaluation through the API, with the functions `fathom monitor score|check` use:
 * - `POST /v1/monitor/score` (admin) runs `scoreOnline` over the tenant's audit log as a job (202; the result in
 *   `GET /v1/jobs/{id}`). Resumable: the scoring cursor is kept in the store, so a resumed job continues. With the
 *   server's `onlineJudge` (`monitor.judge`), every `monitor-score` job — these and the background ones — stores the
 *   judges' verdicts as `fathom monitor score --judge` does.
 * - `GET /v1/monitor/drift` (admin: it summarises every user's queries) returns the `checkDrift` report.
 */
import type { Hono } from 'hono';
import { checkDrift, scoreOnline } from '../../monitor/index.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { publicJob } from '../jobs/public-job.js';
import { requireRole } from '../middleware/require-role.js';
import { monitorScoreRequestSchema } from '../schemas/request-schemas.js';
import { validateBody } from '../validate-body.js';
import { readJson } from './_read-json.js';

/** Parameters of a `monitor-score` job. */
export interface _ScoreParams { rate?: number; since?: number; restart?: boolean }

export function monitorRoute(app: Hono<_Env>, s: _ServerContext): void {
  s.jobs.handle('monitor-score', {
    run: async ({ identity, params, progress, signal }) => {
      const p = params as _ScoreParams;
      const result = await scoreOnline({ store: s.store, tenant: identity.tenant, rate: p.rate, since: p.since, restart: p.restart, ...s.options.onlineJudge, signal, _internal: { now: s.now } });
      progress({ read: result.read, scored: result.scored, judged: result.judged });
      return result;
    },
  });

  app.post('/v1/monitor/score', requireRole('admin'), async (c) => {
    const type = c.req.header('content-type');
    const body = validateBody<_ScoreParams>(monitorScoreRequestSchema, type ? await readJson(c) : {});
    if (!s.store.annotateQueryLog) throw new FathomError({ code: 'INVALID_CONFIG', message: `The ${s.store.provider} store cannot store online scores (no annotateQueryLog): use the SQLite or PostgreSQL store.` });
    const job = await s.jobs.start({ identity: c.get('identity'), kind: 'monitor-score', params: body });
    return c.json(publicJob(job), 202);
  });

  app.get('/v1/monitor/drift', requireRole('admin'), async (c) => {
    const w = c.req.query('window') ?? 'day';
    if (w !== 'hour' && w !== 'day' && w !== 'week') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `window must be hour, day or week, got "${w}".` });
    const b = c.req.query('baseline');
    const baselineWindows = b === undefined ? 7 : Number(b);
    if (!Number.isInteger(baselineWindows) || baselineWindows < 1 || baselineWindows > 90) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `baseline must be an integer from 1 to 90 (windows before the current one), got "${b}".` });
    return c.json(await checkDrift({ store: s.store, tenant: c.get('identity').tenant, window: w, baselineWindows, _internal: { now: s.now } }));
  });
}
