/**
 * `monitor check` (`checkDrift`, day window vs 7-day baseline) on a built audit log, alone in this process so its
 * peak RSS is the check's: `node --import tsx bench/_monitor-check.ts <db> <now>` prints one JSON line.
 */
import { checkDrift } from '../src/monitor/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

const [path, now] = process.argv.slice(2);
const store = await createSqliteStore({ path: path! });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const report = await checkDrift({ store, tenant: 't', window: 'day', baselineWindows: 7, _internal: { now: () => Number(now) } });
const checkMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await store.close();
console.log(JSON.stringify({
  checkMs: Math.round(checkMs), checkCpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  signals: report.signals.map((s) => `${s.name}:${s.status}`), n: report.signals.find((s) => s.name === 'abstention-rate')?.n,
}));
