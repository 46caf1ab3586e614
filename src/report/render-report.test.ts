import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide, diagnose } from '../decide/index.js';
import { supportRun } from '../decide/__fixtures__/support-run.js';
import { FathomError } from '../util/errors.js';
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
    const unit = JSON.parse(renderReport({ run: supportRun, format: 'json' })).metrics.filter((m: { unitInterval: boolean; direction: string }) => m.unitInterval && m.direction === 'higher');
    assert.equal(metricBars, 3 + unit.reduce((n: number, m: { values: object }) => n + Object.keys(m.values).length, 0));
    assert.equal(html.match(/data-class="[a-z-]+" x=/g)?.length, 12);
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
  it('shows each number once, in its unit: no items row in ms, no correct beside accuracy, abstained not charted as higher-is-better', () => {
    const run = { ...supportRun, summary: Object.fromEntries(Object.entries(supportRun.summary).map(([m, s]) => [m, { ...s, accuracy: 0.5, correct: 0.5, items: 52, abstained: 0.1 }])) } as unknown as typeof supportRun;
    const json = JSON.parse(renderReport({ run, format: 'json' }));
    assert.deepEqual(json.metrics.filter((m: { metric: string }) => ['items', 'correct', 'accuracy'].includes(m.metric)), []);
    assert.equal(json.metrics.find((m: { metric: string }) => m.metric === 'abstained').direction, 'neutral');
    const md = renderReport({ run, format: 'markdown' });
    assert.doesNotMatch(md, /\| items \||\| correct \|| ms \| 52/);
    assert.match(md, /\| abstained \(share\) \|/);
    assert.match(md, /\| latencyMs \(lower is better\) \|/);
    const page = renderReport({ run, format: 'html' });
    assert.doesNotMatch(page.slice(page.indexOf('id="chart-metrics"'), page.indexOf('</svg>', page.indexOf('id="chart-metrics"'))), /data-metric="abstained"/);
  });
  it('item rows: booleans as yes/no, sources by document id, the expected sources, the answerer named', () => {
    assert.match(html, /exactMatch yes|exactMatch no/);
    assert.doesNotMatch(html, /exactMatch [01]\.000/);
    const rag = html.slice(html.indexOf('<code>rm-rank-1</code></td><td>rag</td>'));
    const row = rag.slice(0, rag.indexOf('</tr>'));
    assert.match(row, /<b>expected sources:<\/b> <code>kb\/limits\.md#5<\/code>/);
    assert.match(row, /<li><code>kb\/blog\/launch\.md<\/code>/, 'a RAG source is named by its document id, as oracle sources are');
    assert.doesNotMatch(row, /<code>kb\/blog\/launch\.md#2<\/code>/);
    assert.match(html, /answerer <b>openai-compatible:gpt-4o-mini<\/b>/);
    const extractive = renderReport({ run: { ...supportRun, answerer: 'extractive', notMeasured: { 'closed-book': 'not measured: the extractive answerer has no knowledge of its own' } }, format: 'markdown' });
    assert.match(extractive, /answerer \*\*extractive\*\*/);
    assert.match(extractive, /closed-book: not measured/);
  });
  it('pages a 600-row table: 50 rows shown, the rest hidden until paged; Markdown lists at most 100 items', () => {
    const big = { ...supportRun, results: Array.from({ length: 600 }, (_, i) => ({ ...supportRun.results[i % supportRun.results.length]!, itemId: `item-${i}`, correct: false })) };
    const page = renderReport({ run: big, format: 'html' });
    assert.equal(page.match(/<tr hidden data-mode/g)?.length, 550);
    assert.equal(page.match(/<tr data-mode/g)?.length, 50);
    const md = renderReport({ run: big, format: 'markdown' });
    assert.equal(md.match(/^\| item-\d+ \|/gm)?.length, 100);
    assert.match(md, /… and 500 more/);
  });
  it('rejects unknown formats and missing runs', () => {
    assert.throws(() => renderReport({ run: supportRun, format: 'pdf' as never }), (e: unknown) => FathomError.isInstance(e) && /json, markdown or html/.test(e.message));
    assert.throws(() => renderReport({ run: undefined as never, format: 'json' }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
  });
});
