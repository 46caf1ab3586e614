import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../spec/audit.js';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { checkDrift } from './check-drift.js';
import { buildPool, DAY, logStream, start } from './__fixtures__/simulate-production.js';

const freshness = { maxAgeDays: 30 };
const dir = mkdtempSync(join(tmpdir(), 'fathom-drift-'));
let pool: { known: QueryLogEntry[]; novel: QueryLogEntry[] };
let kb: Store;
before(async () => {
  kb = await createSqliteStore({ path: join(dir, 'kb.db') });
  pool = await buildPool(kb, 'shift');
});
after(async () => {
  await kb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The check at the end of `day` (its window is that day, the baseline the 7 before). */
const checkAt = (store: Store, tenant: string, day: number) => checkDrift({ store, tenant, window: 'day', baselineWindows: 7, freshness, _internal: { now: () => start + (day + 1) * DAY } });

describe('monitor check on a simulated production', () => {
  it('stays quiet before day N and fires on day N, naming the new topic, the missing context and the stale source', async () => {
    const N = 10;
    await logStream(kb, 'shift', pool, { days: 12, perDay: 120, shiftDay: N, shiftShare: 0.4, seed: 1 });
    for (let day = 7; day < N; day++) {
      const r = await checkAt(kb, 'shift', day);
      assert.equal(r.alert, false, `day ${day}: ${JSON.stringify(r.signals.filter((s) => s.status === 'alert'))}`);
    }
    const fired = await checkAt(kb, 'shift', N);
    const names = fired.signals.filter((s) => s.status === 'alert').map((s) => s.name);
    assert.equal(fired.alert, true);
    for (const name of ['new-terms', 'no-sufficient-context', 'abstention-rate', 'stale-sources']) assert.ok(names.includes(name as never), `${name} in ${names.join(', ')}`);
    for (const name of ['latency-shift', 'unsupported-citations']) assert.ok(!names.includes(name as never), `${name} should stay quiet`);
    const stale = fired.signals.find((s) => s.name === 'stale-sources')!;
    assert.ok(stale.n.current >= 30 && stale.threshold.includes('0.05'), 'each signal carries its sample sizes and threshold');
    assert.ok(fired.advice.some((a) => /re-ingest the stale sources/.test(a)) && fired.advice.some((a) => /new topics/.test(a)));
  });

  it('false-alarm rate on a no-shift stream is under 5% at the default thresholds', async (t) => {
    const store = await createSqliteStore({ path: join(dir, 'quiet.db') });
    let checks = 0;
    let alarms = 0;
    for (const seed of [2, 3]) {
      const tenant = `quiet${seed}`;
      await logStream(store, tenant, pool, { days: 50, perDay: 80, seed });
      for (let day = 7; day < 50; day++, checks++) if ((await checkAt(store, tenant, day)).alert) alarms++;
    }
    await store.close();
    t.diagnostic(`false alarms: ${alarms}/${checks} = ${((100 * alarms) / checks).toFixed(1)}%`);
    assert.ok(checks >= 80);
    assert.ok(alarms / checks < 0.05, `${alarms}/${checks}`);
  });

  it('a window with too few entries is insufficient-data, never an alert', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await logStream(store, 'few', pool, { days: 9, perDay: 5, shiftDay: 8, shiftShare: 1, seed: 4 });
    const r = await checkDrift({ store, tenant: 'few', _internal: { now: () => start + 9 * DAY } });
    assert.equal(r.alert, false);
    assert.ok(r.signals.every((s) => s.status === 'insufficient-data'));
    await store.close();
  });
});
