/**
 * Ten days of answered queries in `tenant`, ending now, for the dashboard's drift view: the simulated
 * production of the monitor tests (real pipeline, logged audit entries), re-timed so the days end at `now`;
 * from day `shiftDay` on, half of the queries are about a topic the knowledge base does not cover.
 */
import type { Store } from '../../spec/store.js';
import { mulberry32 } from '../../util/math/random.js';
import { buildPool } from '../../monitor/__fixtures__/simulate-production.js';

const DAY = 86_400_000;

export async function driftingLog({ store, tenant, days = 10, perDay = 40, shiftDay = 8, now = Date.now() }: { store: Store; tenant: string; days?: number; perDay?: number; shiftDay?: number; now?: number }): Promise<void> {
  const pool = await buildPool(store, tenant);
  const random = mulberry32(7);
  const first = now - days * DAY;
  let n = 0;
  for (let day = 0; day < days; day++) {
    for (let i = 0; i < perDay; i++) {
      const base = day >= shiftDay && random() < 0.5 ? pool.novel[Math.floor(random() * pool.novel.length)]! : pool.known[Math.floor(random() * pool.known.length)]!;
      // An hour clear of every window boundary: a check made up to an hour later sees the same entries in each window.
      const at = first + day * DAY + 3_600_000 + Math.floor(random() * (DAY - 2 * 3_600_000));
      await store.appendQueryLog({ ...base, id: `q_drift_${n++}`, at, latencyMs: { ...base.latencyMs, total: 600 + 400 * random() } });
    }
  }
}
