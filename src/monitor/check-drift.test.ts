import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../spec/audit.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { DriftReport } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { analyze } from '../util/text/analyzer.js';
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

/** A bag-of-words query embedder (each term hashed into 64 dimensions) implementing the embedding contract; counts its calls. */
const bow: EmbeddingModel & { values: number } = {
  specificationVersion: 'v1', provider: 'test', modelId: 'bow-64', dimensions: 64, maxBatchSize: 128, supportsParallelCalls: false, normalized: false, values: 0,
  async doEmbed({ values }) {
    bow.values += values.length;
    return { embeddings: values.map((text) => {
      const v = new Float32Array(64);
      for (const w of analyze(text)) v[[...w].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 64]! += 1;
      return v;
    }) };
  },
};

/** The check at the end of `day` (its window is that day, the baseline the 7 before), with the embedding signal. */
const checkAt = (store: Store, tenant: string, day: number) => checkDrift({ store, tenant, window: 'day', baselineWindows: 7, freshness, embedding: { model: bow }, _internal: { now: () => start + (day + 1) * DAY } });
/** A divergence signal's effect: statistic − expectation (terms); √(d² − E₀[d²]) for the embedding centroid distance. */
const effect = (r: DriftReport, name: string) => {
  const s = r.signals.find((x) => x.name === name)!;
  return name === 'embedding-shift' ? Math.sqrt(Math.max(0, s.current ** 2 - s.baseline ** 2)) : s.current - s.baseline;
};

describe('monitor check on a simulated production', () => {
  it('stays quiet before day N and fires on day N, naming the new topic, the missing context and the stale source', async () => {
    const N = 10;
    await logStream(kb, 'shift', pool, { days: 12, perDay: 120, shiftDay: N, shiftShare: 0.4, seed: 1 });
    for (let day = 7; day < N; day++) {
      const r = await checkAt(kb, 'shift', day);
      assert.equal(r.alert, false, `day ${day}: ${JSON.stringify(r.signals.filter((s) => s.status === 'alert'))}`);
      assert.ok(r.signals.every((s) => s.status !== 'insufficient-data' || s.name === 'stale-sources'), 'the quiet days hold data');
    }
    const fired = await checkAt(kb, 'shift', N);
    const names = fired.signals.filter((s) => s.status === 'alert').map((s) => s.name);
    assert.equal(fired.alert, true);
    for (const name of ['new-terms', 'term-divergence', 'embedding-shift', 'no-sufficient-context', 'abstention-rate', 'stale-sources']) assert.ok(names.includes(name as never), `${name} in ${names.join(', ')}`);
    for (const name of ['latency-shift', 'unsupported-citations']) assert.ok(!names.includes(name as never), `${name} should stay quiet`);
    const stale = fired.signals.find((s) => s.name === 'stale-sources')!;
    assert.ok(stale.n.current >= 30 && stale.threshold.includes('0.05'), 'each signal carries its sample sizes and threshold');
    assert.ok(fired.advice.some((a) => /re-ingest the stale sources/.test(a)) && fired.advice.some((a) => /new topics/.test(a)));
    const js = fired.signals.find((s) => s.name === 'term-divergence')!;
    assert.ok(js.n.current === 120 && js.n.baseline === 840 && /≥ 0\.05 with permutation p < 0\.001/.test(js.threshold) && js.pValue! < 0.001, JSON.stringify(js));
    const emb = fired.signals.find((s) => s.name === 'embedding-shift')!;
    assert.ok(emb.n.current === 120 && emb.n.baseline === 256 && emb.threshold.includes('test:bow-64'), JSON.stringify(emb));
  });

  it('false-alarm rate on a no-shift stream is under 5% at the default thresholds', async (t) => {
    const store = await createSqliteStore({ path: join(dir, 'quiet.db') });
    let checks = 0;
    let alarms = 0;
    const largest = { terms: 0, embedding: 0 };
    for (const seed of [2, 3]) {
      const tenant = `quiet${seed}`;
      await logStream(store, tenant, pool, { days: 50, perDay: 80, seed });
      for (let day = 7; day < 50; day++, checks++) {
        const r = await checkAt(store, tenant, day);
        assert.equal(r.signals.find((s) => s.name === 'new-terms')!.n.current, r.signals.find((s) => s.name === 'term-divergence')!.n.current);
        assert.ok(r.signals.find((s) => s.name === 'term-divergence')!.n.current >= 50, 'the check reads the stream (not an empty tenant)');
        largest.terms = Math.max(largest.terms, effect(r, 'term-divergence'));
        largest.embedding = Math.max(largest.embedding, effect(r, 'embedding-shift'));
        if (r.alert) alarms++;
      }
    }
    await store.close();
    t.diagnostic(`false alarms: ${alarms}/${checks} = ${((100 * alarms) / checks).toFixed(1)}%; largest no-shift effect: terms ${largest.terms.toFixed(3)} bits, embedding ${largest.embedding.toFixed(3)}`);
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
