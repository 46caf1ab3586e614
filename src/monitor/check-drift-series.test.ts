import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../spec/audit.js';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { checkDrift } from './check-drift.js';
import { checkDriftSeries } from './check-drift-series.js';
import { buildPool, DAY, logStream, start } from './__fixtures__/simulate-production.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-drift-series-'));
let kb: Store;
let pool: { known: QueryLogEntry[]; novel: QueryLogEntry[] };
before(async () => {
  kb = await createSqliteStore({ path: join(dir, 'kb.db') });
  pool = await buildPool(kb, 'series');
  await logStream(kb, 'series', pool, { days: 12, perDay: 120, shiftDay: 10, shiftShare: 0.4, seed: 1 });
});
after(async () => {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store, recording the size of every page of the audit log it returns. */
function recording(store: Store): { store: Store; pages: number[] } {
  const pages: number[] = [];
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'listQueryLog') return Reflect.get(target, key, receiver);
      return async (o: Parameters<Store['listQueryLog']>[0]) => {
        const page = await target.listQueryLog(o);
        pages.push(page.length);
        return page;
      };
    },
  });
  return { store: wrapped, pages };
}

describe('checkDriftSeries: the drift report of each window, from one pass over the log', () => {
  it('each report equals checkDrift at that window\'s end, and every entry is read once', async () => {
    const { store, pages } = recording(kb);
    const freshness = { maxAgeDays: 30 };
    const series = await checkDriftSeries({ store, tenant: 'series', window: 'day', baselineWindows: 7, points: 5, freshness, _internal: { now: () => start + 12 * DAY } });
    assert.equal(pages.reduce((a, b) => a + b, 0), 12 * 120, 'the 12 days of the series (5 windows and the first one\'s 7-day baseline) are read once');
    assert.deepEqual(series.map((r) => r.alert), [false, false, false, true, true], 'quiet before the shift on day 10, alerting after');
    for (let p = 0; p < 5; p++) {
      const one = await checkDrift({ store: kb, tenant: 'series', window: 'day', baselineWindows: 7, freshness, _internal: { now: () => start + (8 + p) * DAY } });
      assert.deepEqual(series[p], one, `window ${p}`);
    }
  });

  it('reads at most pageSize entries at once (a dense hour in shorter ranges), with the same report', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    const hour = start + 3 * DAY;
    let n = 0;
    for (const entry of [...pool.known, ...pool.novel]) {
      for (let i = 0; i < 20; i++) await store.appendQueryLog({ ...entry, tenant: 'dense', id: `d${n}`, at: hour + (n++ % 3_600_000) * 97 % 3_600_000 });
    }
    for (let i = 0; i < 80; i++) await store.appendQueryLog({ ...pool.known[i % 4]!, tenant: 'dense', id: `same${i}`, at: hour + 1234 }); // 80 in one millisecond
    const now = () => hour + 3_600_000;
    const whole = await checkDrift({ store, tenant: 'dense', window: 'hour', baselineWindows: 1, _internal: { now } });
    const { store: paged, pages } = recording(store);
    const bounded = await checkDrift({ store: paged, tenant: 'dense', window: 'hour', baselineWindows: 1, _internal: { now, pageSize: 50 } });
    assert.deepEqual(bounded, whole);
    assert.equal(whole.signals.find((s) => s.name === 'abstention-rate')!.n.current, n + 80);
    assert.ok(pages.filter((p) => p > 51).every((p) => p === 80), `pages ${pages.join(',')}: only the one millisecond holding 80 entries is read whole`);
    assert.ok(pages.includes(80));
    await store.close();
  });
});
