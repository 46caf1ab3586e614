/**
 * Continuous evaluation benchmarks (issue 16):
 * 1. Online scoring throughput: 10,000 logged answers (drawn from answers the real pipeline gave over a small
 *    knowledge base) scored with the reference-free metrics at rate 1, scores written back to each entry
 *    (`scoreOnline`), plus the scorer alone in memory (`scoreEntry`).
 * 2. `monitor check` (`checkDrift`, day window vs 7-day baseline) on a 1,000,000-entry audit log spread over
 *    8 days (every entry is in the check's range: the worst case), run alone in a child process (bench/_monitor-check.ts)
 *    so its peak RSS is the check's. The log is built with one bulk SQL
 *    transaction (build time bounded and reported); entries are compact (no prompt copy).
 * 3. The query-term divergence test alone (`term-divergence`: 5,000 queries per side, the cap a 1M log is sampled to) on
 *    synthetic queries, without a shift (99 permutations) and with one (1,999): its share of a check's CPU.
 * Run: `node --import tsx bench/monitor.ts` (FATHOM_BENCH_MONITOR_ENTRIES to change the 1M; FATHOM_BENCH_MONITOR_ONLY=divergence
 * runs section 3 alone and keeps the other sections' recorded numbers). Writes bench/results/monitor.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { scoreEntry, scoreOnline } from '../src/monitor/index.js';
import { _cap, _termDivergence } from '../src/monitor/_divergence.js';
import { mulberry32 } from '../src/util/math/random.js';
import { buildPool, DAY, logStream, start } from '../src/monitor/__fixtures__/simulate-production.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-bench-monitor-'));
const out = join(import.meta.dirname, 'results', 'monitor.json');
const only = process.env.FATHOM_BENCH_MONITOR_ONLY;
const machine = { cpus: cpus().length, loadavg: loadavg().map((x) => Number(x.toFixed(1))) };
const results: Record<string, unknown> = only && existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { machine };
try {
  if (only !== 'divergence') await _scoringAndCheck();
  // 3. the term-divergence permutation test alone, at its per-side cap
  const random = mulberry32(3);
  const query = (vocabulary: number) => Array.from({ length: 5 }, () => `t${Math.floor(random() * vocabulary)}`);
  const baseline = Array.from({ length: 875_000 }, () => query(300));
  const divergence: Record<string, unknown> = { machine, queriesPerSide: 5000, termsPerQuery: 5 };
  for (const [name, vocabulary] of [['noShift', 300], ['shift', 400]] as const) {
    const current = Array.from({ length: 125_000 }, () => query(vocabulary));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const d = _termDivergence(_cap(current, 5000, 1), _cap(baseline, 5000, 2), { minTermCount: 5, threshold: 0.05, seed: 0x5eed });
    const cpu = process.cpuUsage(c0);
    divergence[name] = { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), jsdBits: Number(d.statistic.toFixed(4)), expectedBits: Number(d.expected.toFixed(4)), pValue: d.pValue };
  }
  results.divergence = divergence;
  console.log('divergence', divergence);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

async function _scoringAndCheck(): Promise<void> {
  // 1. scoring throughput on 10k logged answers
  const store = await createSqliteStore({ path: join(dir, 'score.db') });
  const pool = await buildPool(store, 't');
  await logStream(store, 't', pool, { days: 10, perDay: 1000, seed: 7 });
  const entries = await store.listQueryLog({ tenant: 't' });
  let t0 = performance.now();
  for (const e of entries) scoreEntry(e);
  const memMs = performance.now() - t0;
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await scoreOnline({ store, tenant: 't', since: start, rate: 1, _internal: { now: () => start + 11 * DAY } });
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  results.scoring = { entries: entries.length, scored: r.scored, wallMs: Math.round(ms), cpuMs: Math.round((c1.user + c1.system) / 1000), answersPerSecond: Math.round(r.scored / (ms / 1000)), scorerOnlyAnswersPerSecond: Math.round(entries.length / (memMs / 1000)) };
  console.log('scoring', results.scoring);
  await store.close();

  // 2. monitor check on a 1M-entry audit log
  const n = Number(process.env.FATHOM_BENCH_MONITOR_ENTRIES ?? 1_000_000);
  const path = join(dir, 'big.db');
  const big = await createSqliteStore({ path });
  await big.setMeta({ tenant: 't', key: 'bench', value: '1' }); // creates the tenant
  await big.close();
  const db = new Database(path);
  const tenantId = (db.prepare('SELECT id FROM tenants WHERE name = ?').get('t') as { id: number }).id;
  // Each template is serialised once; an entry is its JSON with its own id, time and latency appended.
  const templates = pool.known.concat(pool.novel).map(({ id: _id, at: _at, latencyMs: _l, ...e }) => JSON.stringify({ ...e, metadata: { sufficiency: (e.metadata as { sufficiency?: number }).sufficiency, abstainReason: (e.metadata as { abstainReason?: string }).abstainReason } }).slice(0, -1));
  const now = start + 8 * DAY;
  t0 = performance.now();
  const insert = db.prepare('INSERT INTO query_log (tenant_id, id, at, entry) VALUES (?, ?, ?, ?)');
  let bytes = 0;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = start + Math.floor((i / n) * 8 * DAY);
      const json = `${templates[i % templates.length]!},"id":"q${i}","at":${at},"latencyMs":{"total":${500 + (i % 700)}}}`;
      bytes += json.length;
      insert.run(tenantId, `q${i}`, at, json);
    }
  })();
  db.close();
  const buildMs = performance.now() - t0;
  // The check runs alone in a child process: its peak RSS is the check's, not the build's or the scoring's.
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '_monitor-check.ts'), path, String(now)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`monitor check failed: ${child.stderr}`);
  results.check = { entries: n, meanEntryBytes: Math.round(bytes / n), buildMs: Math.round(buildMs), loadavgAtCheck: loadavg().map((x) => Number(x.toFixed(1))), ...JSON.parse(child.stdout.trim().split('\n').at(-1)!) };
  console.log('check', results.check);
}
