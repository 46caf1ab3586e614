/**
 * `GET /v1/monitor/drift/series` (admin): the drift check of each of the last `points` windows (oldest first),
 * each against its own baseline — the time series per signal with its threshold and status that the
 * dashboard's drift view draws. One pass over the log (`checkDriftSeries`); each report equals `GET /v1/monitor/drift` at
 * that window's end.
 */
import type { Hono } from 'hono';
import { checkDriftSeries } from '../../monitor/index.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { requireRole } from '../middleware/require-role.js';

const _int = (raw: string | undefined, fallback: number, name: string, max: number): number => {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${name} must be an integer from 1 to ${max}, got "${raw}".` });
  return n;
};

export function monitorSeriesRoute(app: Hono<_Env>, s: _ServerContext): void {
  app.get('/v1/monitor/drift/series', requireRole('admin'), async (c) => {
    const w = c.req.query('window') ?? 'day';
    if (w !== 'hour' && w !== 'day' && w !== 'week') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `window must be hour, day or week, got "${w}".` });
    const baselineWindows = _int(c.req.query('baseline'), 7, 'baseline', 90);
    const points = _int(c.req.query('points'), 14, 'points', 60);
    const reports = await checkDriftSeries({ store: s.store, tenant: c.get('identity').tenant, window: w, baselineWindows, points, _internal: { now: s.now } });
    return c.json({ window: w, baselineWindows, reports });
  });
}
