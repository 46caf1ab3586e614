/**
 * `GET /v1/monitor/drift/series` (admin): the drift check of each of the last `points` windows (oldest first),
 * each against its own baseline — the time series per signal with its threshold and status that the
 * dashboard's drift view draws. The same `checkDrift` as `GET /v1/monitor/drift`, run once per window end.
 */
import type { Hono } from 'hono';
import { checkDrift } from '../../monitor/index.js';
import { FathomError } from '../../util/errors.js';
import type { _Env, _ServerContext } from '../_context.js';
import { requireRole } from '../middleware/require-role.js';

const _LENGTH = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

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
    const end = s.now();
    const reports = [];
    for (let i = points - 1; i >= 0; i--) {
      const at = end - i * _LENGTH[w];
      reports.push(await checkDrift({ store: s.store, tenant: c.get('identity').tenant, window: w, baselineWindows, _internal: { now: () => at } }));
    }
    return c.json({ window: w, baselineWindows, reports });
  });
}
