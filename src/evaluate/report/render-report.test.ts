import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide, diagnose } from '../../decide/index.js';
import { supportRun } from '../../decide/__fixtures__/support-run.js';
import { FathomError } from '../../util/errors.js';
import { renderReport } from './render-report.js';

const diagnosis = diagnose({ run: supportRun });
const decision = decide({ diagnosis, run: supportRun, answers: { queriesPerMonth: 2_000_000, labelledExamples: 800 } });
const html = renderReport({ run: supportRun, diagnosis, decision, format: 'html' });

describe('renderReport', () => {
  it('json: the report model, with per-mode accuracy and every result as a row', () => {
    const json = JSON.parse(renderReport({ run: supportRun, diagnosis, decision, format: 'json' }));
    assert.equal(json.format, 'fathom-report');
    assert.equal(json.rows.length, supportRun.results.length);
    assert.deepEqual(json.accuracy.oracle, { correct: 48, total: 52, share: 48 / 52 });
    assert.equal(json.diagnosis.recommendation.primary, 'hybrid');
    assert.equal(json.metrics[0].unitInterval, true);
    assert.equal(json.metrics.at(-1).unitInterval, false);
  });
  it('html: self-contained, one static script, no external references', () => {
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.doesNotMatch(html, /<(link|img|iframe|object|embed)\b|\s(src|href)=["']|@import|url\(/i);
    assert.deepEqual([...html.matchAll(/https?:\/\/[^"'\s<]+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg'), []);
  });
  it('html: escapes user text everywhere (content and attributes)', () => {
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<img src=x'));
    const evil = { ...supportRun, id: '"><svg onload=alert(1)>', results: supportRun.results.map((r) => ({ ...r, itemId: `x" onmouseover="alert(1)` })) };
    const out = renderReport({ run: evil, format: 'html' });
    assert.ok(!out.includes('"><svg onload') && !out.includes('x" onmouseover'));
  });
  it('html: charts carry one bar per metric and mode, one per failure class, one line per option', () => {
    const metricBars = html.slice(html.indexOf('id="chart-metrics"'), html.indexOf('</svg>', html.indexOf('id="chart-metrics"'))).match(/class="bar"/g)?.length;
    const unit = JSON.parse(renderReport({ run: supportRun, format: 'json' })).metrics.filter((m: { unitInterval: boolean }) => m.unitInterval);
    assert.equal(metricBars, 3 + unit.reduce((n: number, m: { values: object }) => n + Object.keys(m.values).length, 0));
    assert.equal(html.match(/data-class="[a-z-]+" x=/g)?.length, 9);
    assert.equal(html.match(/class="line" data-option=/g)?.length, 3);
  });
  it('markdown: tables for metrics, classes with intervals, decision costs and failing items; cells escaped', () => {
    const md = renderReport({ run: supportRun, diagnosis, decision, format: 'markdown' });
    assert.match(md, /\| accuracy \| 36\.5% \(19\/52\) \| 63\.5% \(33\/52\) \| 92\.3% \(48\/52\) \|/);
    assert.match(md, /\| retrieval-miss \| 9 \| 17\.3% \| 9\.4%–29\.7% \|/);
    assert.match(md, /## Decision: hybrid/);
    const piped = { ...supportRun, results: [{ ...supportRun.results[0]!, answer: { ...supportRun.results[0]!.answer, text: 'a | b\n<script>c</script>' }, correct: false }] };
    assert.match(renderReport({ run: piped, format: 'markdown' }), /a \\\| b &lt;script&gt;c&lt;\/script&gt;/);
  });
  it('rejects unknown formats and missing runs', () => {
    assert.throws(() => renderReport({ run: supportRun, format: 'pdf' as never }), (e: unknown) => FathomError.isInstance(e) && /json, markdown or html/.test(e.message));
    assert.throws(() => renderReport({ run: undefined as never, format: 'json' }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
  });
});
