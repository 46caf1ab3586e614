/**
 * Dashboard page weight and list speed (issue 17; targets: ≤ 300 KB of JavaScript compressed on first load,
 * 10,000 documents listed without freezing).
 *  - weight: the production bundle (`buildDashboard()`, minified), gzip -9 and brotli sizes of every file the
 *    first load fetches (index.html, main.js, main.css);
 *  - speed: a real server on loopback with 10,000 documents (tenant `big`), Debian's headless Chromium; times
 *    (performance.now in the page) from "Sign in" to the first rows drawn, and from "Load all" to 10,000 rows
 *    loaded (10 cursor pages of 1,000); the longest main-thread task during that (PerformanceObserver
 *    `longtask`, what "freezing" means) and the rows in the DOM after scrolling to the end (virtualisation).
 * Never asserts wall time. Run: npm run bench -- dashboard → bench/results/dashboard.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../src/dashboard/__fixtures__/browser.js';
import { startDashboardServer } from '../src/dashboard/__fixtures__/dashboard-server.js';
import { buildDashboard } from '../src/dashboard/build-dashboard.js';
import { DASHBOARD_DIR } from '../src/dashboard/dashboard-dir.js';

// Page-side globals of the predicates handed to Chromium (the bench runs without the DOM lib).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
const N = 10_000;
const sizes = await buildDashboard();
const firstLoad = ['index.html', 'main.js', 'main.css'].map((f) => {
  const raw = readFileSync(join(DASHBOARD_DIR, f));
  return { file: f, bytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length, brotliBytes: brotliCompressSync(raw).length };
});
const js = firstLoad.find((f) => f.file === 'main.js')!;
console.log(`first load: ${firstLoad.map((f) => `${f.file} ${f.bytes} B (gzip ${f.gzipBytes} B)`).join(', ')}`);

const t0 = performance.now();
const [server, browser] = await Promise.all([startDashboardServer({ bigTenant: N }), launchChromium()]);
const setupMs = performance.now() - t0;
const runs: Array<Record<string, number>> = [];
try {
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/`);
    await page.evaluate(`(() => {
      window.__longest = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
    })()`);
    await page.getByLabel('API key').fill(server.keys.big);
    const signIn = await page.evaluate(`(() => { const t = performance.now(); document.querySelector('button[type=submit]').click(); return t; })()`) as number;
    await page.waitForFunction(() => document.querySelectorAll('.vrow').length > 0, undefined, { polling: 'raf' });
    const firstRows = (await page.evaluate('performance.now()') as number) - signIn;
    await page.getByRole('button', { name: 'Load all' }).waitFor();
    await page.evaluate('window.__longest = 0');
    const loadAll = await page.evaluate(`(() => { const t = performance.now(); [...document.querySelectorAll('button')].find((b) => b.textContent === 'Load all').click(); return t; })()`) as number;
    await page.waitForFunction((n) => document.querySelector('[data-testid="doc-count"]').textContent === String(n), N, { polling: 'raf', timeout: 120_000 });
    const allLoaded = (await page.evaluate('performance.now()') as number) - loadAll;
    const scroll = await page.evaluate(`new Promise((resolve) => {
      const el = document.querySelector('.vlist'); const t = performance.now(); el.scrollTop = el.scrollHeight;
      const wait = () => [...document.querySelectorAll('.vrow a')].some((a) => a.textContent === 'doc-0${N - 1}.md') ? resolve(performance.now() - t) : requestAnimationFrame(wait);
      requestAnimationFrame(wait);
    })`) as number;
    const rowsInDom = await page.locator('.vrow').count();
    const longestTaskMs = await page.evaluate('window.__longest') as number;
    runs.push({ firstRowsMs: firstRows, loadAllMs: allLoaded, scrollToEndMs: scroll, longestTaskMs, rowsInDom });
    console.log(`run ${run + 1}: first rows ${firstRows.toFixed(0)} ms, ${N} loaded in ${allLoaded.toFixed(0)} ms, scroll to end ${scroll.toFixed(0)} ms, longest task ${longestTaskMs.toFixed(0)} ms, ${rowsInDom} rows in the DOM`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (k: string) => runs.map((r) => r[k]!).sort((a, b) => a - b)[1]!;
const result = {
  bench: 'dashboard', date: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => +x.toFixed(2)) },
  weight: { targetJsGzipBytes: 300 * 1024, jsGzipBytes: js.gzipBytes, firstLoadGzipBytes: firstLoad.reduce((n, f) => n + f.gzipBytes, 0), firstLoad, built: sizes },
  list: { documents: N, pageSize: 1000, setupMs: Math.round(setupMs), runs, median: Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, Math.round(median(k))])) },
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`JS gzip ${js.gzipBytes} B (target ≤ ${300 * 1024}); median: ${JSON.stringify(result.list.median)}`);
