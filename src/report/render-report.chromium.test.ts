/**
 * The HTML report in real headless Chromium: charts render as SVG with the expected bars, the filters hide
 * rows, nothing is fetched. Set FATHOM_REPORT_SCREENSHOT=<file.png> to keep the screenshot
 * (bench/results/report-screenshot.png is made this way).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decide, diagnose } from '../decide/index.js';
import { supportRun } from '../decide/__fixtures__/support-run.js';
import { findChromium, openPage } from './__fixtures__/chromium.js';
import type { Page } from './__fixtures__/chromium.js';
import { renderReport } from './render-report.js';

const executable = findChromium();

describe('HTML report in headless Chromium', { skip: executable ? false : 'chromium is not installed (apt-get install -y chromium)' }, () => {
  let dir: string;
  let page: Page;
  const diagnosis = diagnose({ run: supportRun });
  const decision = decide({ diagnosis, run: supportRun, answers: { knowledgeChanges: 'weekly', citations: 'required', latencyBudgetMs: 1500, queriesPerMonth: 2_000_000, labelledExamples: 800 } });
  const json = JSON.parse(renderReport({ run: supportRun, diagnosis, decision, format: 'json' }));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport({ run: supportRun, diagnosis, decision, format: 'html' }));
    page = await openPage({ executable: executable!, url: pathToFileURL(file).href });
  });
  after(async () => {
    await page?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws the three charts as SVG with the expected number of bars, lines and crossings', async () => {
    const counts = await page.evaluate<Record<string, number>>(`({
      svgs: document.querySelectorAll('svg.chart').length,
      metricBars: document.querySelectorAll('#chart-metrics rect.bar').length,
      classBars: document.querySelectorAll('#chart-classes rect.bar').length,
      whiskers: document.querySelectorAll('#chart-classes .whisker').length,
      lines: document.querySelectorAll('#chart-cost path.line').length,
      crossings: document.querySelectorAll('#chart-cost .crossing').length,
      width: Math.round(document.querySelector('#chart-metrics').getBoundingClientRect().width),
    })`);
    const unitMetrics = json.metrics.filter((m: { unitInterval: boolean; direction: string }) => m.unitInterval && m.direction === 'higher');
    const expectedBars = 3 + unitMetrics.reduce((n: number, m: { values: object }) => n + Object.keys(m.values).length, 0);
    const crossings = decision.costs.breakEven.filter((b) => b.queriesPerMonth !== null && b.queriesPerMonth <= decision.costs.chart.xMax).length;
    assert.deepEqual({ ...counts, width: counts.width! > 600 }, { svgs: 3, metricBars: expectedBars, classBars: 12, whiskers: 12, lines: 3, crossings, width: true });
    assert.ok(crossings >= 1);
  });

  it('shows the same numbers as the JSON report', async () => {
    const cards = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('.card b')).map((b) => b.textContent)`);
    assert.deepEqual(cards.slice(0, 4), ['52', ...(['closed-book', 'rag', 'oracle'] as const).map((m) => `${(json.accuracy[m].share * 100).toFixed(0)}%`)]);
    const bar = await page.evaluate<string>(`document.querySelector('#chart-classes rect[data-class="retrieval-miss"] title').textContent`);
    assert.match(bar, new RegExp(`retrieval-miss: ${json.diagnosis.classes['retrieval-miss'].count} \\(`));
  });

  it('filters rows by text, mode and class, counts what is shown, and pages 50 rows at a time', async () => {
    const visible = `document.querySelectorAll('#items tbody tr:not([hidden])').length`;
    const total = supportRun.results.length;
    assert.equal(await page.evaluate<number>(visible), 50, 'the first page of 50');
    const click = (id: string): string => `(() => { document.getElementById('${id}').click(); return ${visible}; })()`;
    assert.equal(await page.evaluate<number>(click('f-next')), 50);
    assert.equal(await page.evaluate<string>(`document.getElementById('f-count').textContent`), `51–100 of ${total} matching (${total} rows) · page 2 of 4`);
    await page.evaluate(click('f-next'));
    assert.equal(await page.evaluate<number>(click('f-next')), total - 150, 'the last page holds the rest');
    assert.equal(await page.evaluate<boolean>(`document.getElementById('f-next').disabled`), true);
    const set = (id: string, value: string): string => `(() => { const e = document.getElementById('${id}'); e.value = ${JSON.stringify(value)}; e.dispatchEvent(new Event('input')); return ${visible}; })()`;
    assert.equal(await page.evaluate<number>(set('f-text', 'enterprise plan per seat')), 3);
    assert.equal(await page.evaluate<string>(`document.getElementById('f-count').textContent`), `1–3 of 3 matching (${total} rows) · page 1 of 1`);
    assert.equal(await page.evaluate<number>(set('f-mode', 'rag')), 1);
    await page.evaluate(set('f-text', ''));
    assert.equal(await page.evaluate<number>(set('f-class', 'format-failure')), 4);
    await page.evaluate(set('f-mode', ''));
    assert.equal(await page.evaluate<number>(set('f-class', '')), 50);
  });

  it('renders user text inertly (no injected elements) and fetches nothing', async () => {
    const r = await page.evaluate<{ scripts: number; imgs: number; text: boolean; external: number }>(`({
      scripts: document.scripts.length, imgs: document.images.length,
      text: document.body.textContent.includes('<script>alert("x")</script>'),
      external: performance.getEntriesByType('resource').length,
    })`);
    assert.deepEqual(r, { scripts: 1, imgs: 0, text: true, external: 0 });
  });

  it('takes a screenshot', async () => {
    const png = await page.screenshot(Number(process.env.FATHOM_REPORT_SCREENSHOT_HEIGHT ?? 2600));
    assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
    assert.ok(png.length > 20_000, `screenshot of ${png.length} bytes looks blank`);
    if (process.env.FATHOM_REPORT_SCREENSHOT) writeFileSync(process.env.FATHOM_REPORT_SCREENSHOT, png);
  });
});
