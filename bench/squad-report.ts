/**
 * End to end on SQuAD 2.0 dev (issue 5): 300 answerable + 300 unanswerable questions, the extractive answerer,
 * `evaluate()` closed-book / RAG / oracle, `diagnose()`, `renderReport()` as JSON and HTML; then the HTML is
 * opened in headless Chromium (DevTools protocol over a pipe) and every number it shows — cards, the metrics
 * table, chart bar titles and bar geometry, failure-class bars, diagnosis text, and each item row's outcome and
 * metrics — is read back from the DOM and compared with the JSON report. Exit 1 when any differs or the report
 * is not produced.
 *
 * Selection, split by article: SQuAD articles are the unit. The extractive answerer's span model
 * (generate/_score-spans.ts) was fitted on the articles of half A (`splitHalf` in bench/_squad.ts, sha256 of the
 * article title); here every question comes from the 8 articles of half B and none from half A, so no article
 * contributes to both fitting and evaluation. Exactly 300 + 300 cannot be whole articles (an article holds 96–242
 * answerable questions), so inside half B the questions are taken in sha256(question id) order, 300 of each kind,
 * spread over all 8 articles. The store holds the whole corpus (all 646 paragraphs of both halves): retrieval
 * faces every distractor, as a user's index would.
 *
 * Run: node --import tsx bench/squad-report.ts [--out <dir>] [--no-screenshot]
 *   → bench/results/squad-report.json (summary and the Chromium comparison), bench/results/squad-report.png;
 *     the full report.json / report.html / run.json go to bench/.cache/squad-report/ (not committed).
 *   With --out everything goes to <dir> (what the CI gate in bench/gates.ts does).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnose } from '../src/decide/index.js';
import { evaluate, importSquad } from '../src/evaluate/index.js';
import { renderReport, type ReportModel } from '../src/report/index.js';
import { findChromium, openPage } from '../src/report/__fixtures__/chromium.js';
import { answer } from '../src/generate/index.js';
import { createChunker } from '../src/ingest/chunkers/index.js';
import { ingest } from '../src/ingest/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { sha256 } from '../src/util/hash.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';
import { repo } from './_cli.js';
import { splitHalf, squadAvailable, squadDir, type SquadQuestion } from './_squad.js';

const perKind = 300;
const topK = 5;
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** What the page shows, read from the DOM. */
interface Shown {
  header: string;
  cards: Array<{ value: string; label: string }>;
  modes: string[];
  metricRows: string[][];
  metricGrid: number[];
  metricBars: Array<{ metric: string; mode: string; title: string; y: number; height: number }>;
  classGrid: number[];
  classBars: Array<{ cls: string; title: string; width: number }>;
  classValues: string[];
  recommendation: string;
  evidence: string[];
  uncertainty: string;
  actions: string[];
  rows: Array<{ id: string; mode: string; outcome: string; mark: string; abstainedPill: boolean; classes: string; answer: string; metrics: string }>;
  count: string;
  charts: string[];
}

const readPage = `(() => {
  const t = (e) => (e ? e.textContent : '');
  const all = (s, root = document) => Array.from(root.querySelectorAll(s));
  const evidenceHead = all('#diagnosis h3').find((h) => h.textContent === 'Evidence');
  return {
    header: t(document.querySelector('header p')),
    cards: all('.card').map((c) => ({ value: t(c.querySelector('b')), label: t(c.querySelector('span')) })),
    modes: all('#metrics thead th.num').map(t),
    metricRows: all('#metrics tbody tr').map((tr) => Array.from(tr.children).map(t)),
    metricGrid: all('#chart-metrics line.grid').map((l) => +l.getAttribute('y1')),
    metricBars: all('#chart-metrics rect.bar').map((r) => ({ metric: r.dataset.metric, mode: r.dataset.mode, title: t(r.querySelector('title')), y: +r.getAttribute('y'), height: +r.getAttribute('height') })),
    classGrid: all('#chart-classes line.grid').map((l) => +l.getAttribute('x1')),
    classBars: all('#chart-classes rect.bar').map((r) => ({ cls: r.dataset.class, title: t(r.querySelector('title')), width: +r.getAttribute('width') })),
    classValues: all('#chart-classes text.value').map(t),
    recommendation: t(document.querySelector('#diagnosis .rec')),
    evidence: evidenceHead ? all('li', evidenceHead.nextElementSibling).map(t) : [],
    uncertainty: t(document.querySelector('#diagnosis p.muted')),
    actions: all('#diagnosis ul.actions li').map(t),
    rows: all('#items tbody tr').map((tr) => {
      const muted = all('details p.muted', tr);
      return { id: t(tr.querySelector('code')), mode: tr.dataset.mode, outcome: tr.dataset.outcome, mark: t(tr.children[2].querySelector('span')),
        abstainedPill: t(tr.children[2]).includes('abstained'), classes: tr.dataset.classes, answer: t(tr.querySelector('details pre')), metrics: t(muted[muted.length - 1]) };
    }),
    count: t(document.getElementById('f-count')),
    charts: all('svg.chart').map((e) => e.id),
  };
})()`;

/** Compares what Chromium shows with the JSON report; returns the checks made and every mismatch. */
function compareShown(shown: Shown, json: ReportModel): { numbers: number; strings: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let numbers = 0;
  let strings = 0;
  const num = (what: string, text: string | undefined, expected: number | undefined): void => {
    numbers++;
    if (!_numberMatches(text ?? '', expected)) mismatches.push(`${what}: shown "${text}", JSON ${expected}`);
  };
  const str = (what: string, text: string | undefined, expected: string | undefined): void => {
    strings++;
    if (text !== expected) mismatches.push(`${what}: shown ${JSON.stringify(text)}, JSON ${JSON.stringify(expected)}`);
  };
  const metric = (name: string, mode: string): number | undefined =>
    name === 'accuracy' ? json.accuracy[mode as keyof ReportModel['accuracy']]?.share : json.metrics.find((m) => m.metric === name)?.values[mode as keyof ReportModel['accuracy']];

  num('header item count', /\((\d+) items\)/.exec(shown.header)?.[1], json.run.dataset.items);
  const [items, ...cards] = shown.cards;
  num('card: items', items?.value, new Set(json.rows.map((r) => r.itemId)).size);
  for (const mode of json.run.modes) {
    const card = cards.find((c) => c.label === `correct · ${mode}`);
    num(`card: correct · ${mode}`, card?.value, json.accuracy[mode]?.share);
  }
  str('card: diagnosis', cards.find((c) => c.label === 'diagnosis')?.value, json.diagnosis?.recommendation.primary);

  str('metrics table modes', shown.modes.join(','), json.run.modes.join(','));
  // Labels carry a reading hint ("error_rate (lower is better)"); accuracy leads the table.
  const label = (cell: string | undefined): string => (cell ?? '').replace(/ \(.*\)$/, '');
  str('metrics table rows', shown.metricRows.map((r) => label(r[0])).join(','), ['accuracy', ...json.metrics.map((m) => m.metric)].join(','));
  for (const row of shown.metricRows) json.run.modes.forEach((mode, i) => num(`metrics table ${label(row[0])} · ${mode}`, row[i + 1], metric(label(row[0]), mode)));

  // Bars: the value in each bar's title, and its height against the chart's 0 and 1 gridlines.
  // Accuracy plus every higher-is-better [0, 1] metric, one bar per mode that has a value.
  const unitBars = Object.keys(json.accuracy).length + json.metrics.filter((m) => m.unitInterval && m.direction === 'higher' && m.metric !== 'accuracy').reduce((n, m) => n + Object.keys(m.values).length, 0);
  num('metric chart bar count', String(shown.metricBars.length), unitBars);
  const [y0, , , , y1] = shown.metricGrid;
  for (const bar of shown.metricBars) {
    const expected = metric(bar.metric, bar.mode);
    num(`metric bar ${bar.metric} · ${bar.mode} (title)`, new RegExp(`^${_escapeRe(bar.metric)} · ${bar.mode}: (.+)$`).exec(bar.title)?.[1], expected);
    if (expected !== undefined && expected * (y0! - y1!) >= 2) {
      numbers++;
      if (Math.abs((y0! - bar.y) / (y0! - y1!) - expected) > 0.002) mismatches.push(`metric bar ${bar.metric} · ${bar.mode}: top at ${bar.y} is not ${expected} of the axis`);
    }
  }
  const classes: Partial<NonNullable<ReportModel['diagnosis']>['classes']> = json.diagnosis?.classes ?? {};
  num('class chart bar count', String(shown.classBars.length), Object.keys(classes).length);
  const [x0, , , , x1] = shown.classGrid;
  shown.classBars.forEach((bar, i) => {
    const c = classes[bar.cls as keyof typeof classes];
    const m = /^(.+): (\d+) \((.+), 95% CI (.+)–(.+)\)$/.exec(bar.title);
    str(`class bar ${i} name`, m?.[1], bar.cls);
    num(`class bar ${bar.cls} count`, m?.[2], c?.count);
    num(`class bar ${bar.cls} share`, m?.[3], c?.share);
    num(`class bar ${bar.cls} CI low`, m?.[4], c?.ci95[0]);
    num(`class bar ${bar.cls} CI high`, m?.[5], c?.ci95[1]);
    num(`class bar ${bar.cls} width`, String(+(bar.width / (x1! - x0!)).toFixed(4)), c?.share);
    const v = /^(\d+) · (.+)$/.exec(shown.classValues[i] ?? '');
    num(`class value ${bar.cls} count`, v?.[1], c?.count);
    num(`class value ${bar.cls} share`, v?.[2], c?.share);
  });
  const rec = json.diagnosis?.recommendation;
  str('diagnosis heading', shown.recommendation, rec?.primary);
  str('diagnosis evidence', JSON.stringify(shown.evidence), JSON.stringify(rec?.evidence ?? []));
  str('diagnosis uncertainty', shown.uncertainty, rec?.uncertainty);
  str('diagnosis actions', String(shown.actions.length), String(rec?.actions.length ?? 0));
  rec?.actions.forEach((a, i) => str(`diagnosis action ${i}`, shown.actions[i]?.startsWith(`${a.kind} ${a.why}`) ? 'shown' : shown.actions[i], 'shown'));

  num('item rows', String(shown.rows.length), json.rows.length);
  // "1–50 of 1800 matching (1800 rows) · page 1 of 36": the page script ran and counted every row.
  const count = /of (\d+) matching \((\d+) rows\)/.exec(shown.count);
  str('filter count (the page script ran)', count ? `${count[1]} of ${count[2]}` : shown.count, `${json.rows.length} of ${json.rows.length}`);
  const byKey = new Map(json.rows.map((r) => [`${r.itemId}\t${r.mode}`, r]));
  for (const row of shown.rows) {
    const r = byKey.get(`${row.id}\t${row.mode}`);
    const at = `row ${row.id} · ${row.mode}`;
    if (!r) {
      mismatches.push(`${at}: not in the JSON report`);
      continue;
    }
    str(`${at} outcome`, row.outcome, r.correct ? 'right' : 'wrong');
    str(`${at} mark`, row.mark, r.correct ? '✓' : '✗');
    str(`${at} abstained`, String(row.abstainedPill), String(!r.correct && r.abstained));
    str(`${at} classes`, row.classes, r.classes.join(' '));
    str(`${at} answer`, row.answer, r.answer);
    const parts = row.metrics ? row.metrics.split(' · ') : [];
    const expected = Object.entries(r.metrics).filter(([, v]) => v !== undefined);
    str(`${at} metric names`, parts.map((p) => p.slice(0, p.indexOf(' '))).join(','), expected.map(([k]) => k).join(','));
    for (const p of parts) num(`${at} ${p.slice(0, p.indexOf(' '))}`, p.slice(p.indexOf(' ') + 1), r.metrics[p.slice(0, p.indexOf(' '))]);
  }
  return { numbers, strings, mismatches };
}

/** Whether a number as shown ("12.3%", "0.457", "12 ms", "$0.0012", "1.2e-7", "–") equals `expected` to the shown precision. */
function _numberMatches(text: string, expected: number | undefined): boolean {
  let s = text.trim();
  if (s === '–') return expected === undefined;
  // Booleans (0/1 metrics of one item) are shown as yes / no.
  if (s === 'yes' || s === 'no') return expected === (s === 'yes' ? 1 : 0);
  // "0.500 (300/600)": the share and the counts it came from must agree with each other and with the JSON.
  const counts = /^(\S+) \((\d+)\/(\d+)\)$/.exec(s);
  if (counts) {
    if (!_numberMatches(counts[1]!, Number(counts[2]) / Number(counts[3]))) return false;
    s = counts[1]!;
  }
  const m = /^(\$)?(-?\d+)(?:\.(\d+))?(?:e([-+]?\d+))?(%| ms)?$/.exec(s);
  if (!m || expected === undefined || !Number.isFinite(expected)) return false;
  let value = Number(s.replace(/^\$/, '').replace(/(%| ms)$/, ''));
  let tolerance = 0.5 * 10 ** (-(m[3]?.length ?? 0) + Number(m[4] ?? 0));
  if (m[5] === '%') {
    value /= 100;
    tolerance /= 100;
  }
  return Math.abs(value - expected) <= tolerance * (1 + 1e-9) + 1e-12;
}

/** The comparison must have teeth: alter three shown values by one displayed unit and count how many it catches. */
function _tamperCheck(shown: Shown, json: ReportModel): { tampered: number; detected: number } {
  const copy = structuredClone(shown);
  const bump = (text: string): string => text.replace(/(\d)(\D*)$/, (_, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`);
  copy.cards[1]!.value = bump(copy.cards[1]!.value);
  copy.metricRows[0]![1] = bump(copy.metricRows[0]![1]!);
  const row = copy.rows.find((r) => r.metrics.includes('token_f1 '));
  if (row) row.metrics = row.metrics.replace(/token_f1 ([\d.]+)/, (_, v: string) => `token_f1 ${bump(v)}`);
  return { tampered: row ? 3 : 2, detected: compareShown(copy, json).mismatches.length };
}

const _escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function main(): Promise<number> {
  if (!squadAvailable()) {
    console.log(`SQuAD 2.0 dev not found at ${squadDir}; skipping the SQuAD report benchmark.`);
    return 0;
  }
  const executable = findChromium();
  if (!executable) {
    console.log('Chromium is not installed (apt-get install -y chromium); skipping the SQuAD report benchmark.');
    return 0;
  }
  const started = performance.now();
  const outArg = argValue('out');
  const resultsDir = outArg ? resolve(outArg) : join(repo, 'bench', 'results');
  const reportDir = outArg ? resolve(outArg) : join(repo, 'bench', '.cache', 'squad-report');
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(reportDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'fathom-squad-report-'));
  try {
    // Selection: half B articles only, 300 + 300 in sha256(id) order (see the header).
    const lines = readFileSync(join(squadDir, 'questions.jsonl'), 'utf8').split('\n').filter(Boolean);
    const parsed = lines.map((line) => ({ line, q: JSON.parse(line) as SquadQuestion }));
    const heldOut = parsed.filter(({ q }) => splitHalf(q.gold_doc.split('#')[0]!) === 'B');
    const pick = (impossible: boolean) => heldOut.filter(({ q }) => q.is_impossible === impossible).map((p) => ({ ...p, h: sha256(p.q._id) })).sort((a, b) => (a.h < b.h ? -1 : 1)).slice(0, perKind);
    const chosen = new Set([...pick(false), ...pick(true)].map((p) => p.q._id));
    const selectedLines = parsed.filter(({ q }) => chosen.has(q._id));
    const questionsFile = join(work, 'questions.jsonl');
    writeFileSync(questionsFile, `${selectedLines.map((p) => p.line).join('\n')}\n`);
    const items = await importSquad({ path: questionsFile, corpus: join(squadDir, 'corpus.jsonl'), maxAnswerable: perKind, maxUnanswerable: perKind });
    const articles = [...new Set(selectedLines.map(({ q }) => q.gold_doc.split('#')[0]!))].sort();
    const excludedArticles = [...new Set(parsed.map(({ q }) => q.gold_doc.split('#')[0]!))].filter((a) => !articles.includes(a)).sort();
    if (articles.some((a) => excludedArticles.includes(a))) throw new Error('an article is on both sides of the split');

    const store = await createSqliteStore({ path: join(work, 'fathom.db') });
    const tenant = 'squad';
    const ingestStart = performance.now();
    const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 512 });
    const ingested = await ingest({ store, tenant, paths: [join(squadDir, 'corpus.jsonl')], cwd: squadDir, chunker, dedup: { policy: 'keep', near: false }, batchSize: 256 });
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const counts = await store.countDocuments({ tenant });

    const evalStart = performance.now();
    const run = await evaluate({
      items, store, tenant,
      pipeline: { answer: (o) => answer({ store, tenant, question: o.question, context: o.context, responseFormat: o.responseFormat, retrieval: { topK }, log: false, signal: o.signal }) },
      config: { answerer: 'extractive', retrieval: { mode: 'bm25', topK }, store: 'sqlite (temp)', tenant, selection: 'squad2-dev half-B articles, 300 answerable + 300 unanswerable by sha256(id)' },
      dataset: { path: 'squad2-dev/questions.jsonl (bench/squad-report.ts selection)', sha256: sha256(selectedLines.map((p) => p.line).join('\n')) },
      versions: { node: process.version },
    });
    const evalSeconds = (performance.now() - evalStart) / 1000;
    await store.close();
    const diagnosis = diagnose({ run });
    const jsonText = renderReport({ run, diagnosis, format: 'json' });
    const html = renderReport({ run, diagnosis, format: 'html' });
    writeFileSync(join(reportDir, 'run.json'), `${JSON.stringify(run)}\n`);
    writeFileSync(join(reportDir, 'report.json'), jsonText);
    writeFileSync(join(reportDir, 'report.html'), html);
    const json = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as ReportModel;

    const renderStart = performance.now();
    const page = await openPage({ executable, url: pathToFileURL(join(reportDir, 'report.html')).href });
    let shown: Shown;
    let screenshotBytes = 0;
    try {
      shown = await page.evaluate<Shown>(readPage);
      if (!process.argv.includes('--no-screenshot')) {
        const png = await page.screenshot(2600);
        screenshotBytes = png.length;
        writeFileSync(join(resultsDir, 'squad-report.png'), png);
      }
    } finally {
      await page.close();
    }
    const renderSeconds = (performance.now() - renderStart) / 1000;
    const compared = compareShown(shown, json);
    const produced = json.rows.length === items.length * 3 && ['chart-metrics', 'chart-classes'].every((id) => shown.charts.includes(id)) && shown.rows.length > 0;
    const selfCheck = _tamperCheck(shown, json);
    const equal = compared.mismatches.length === 0 && selfCheck.detected === selfCheck.tampered;

    const r4 = (x: number | undefined) => (x === undefined ? undefined : +x.toFixed(4));
    const result = {
      benchmark: 'squad-report',
      command: 'node --import tsx bench/squad-report.ts',
      dataset: 'SQuAD 2.0 dev, first half (CS224N split): ../shared/data/squad2-dev',
      selection: {
        rule: 'split by article: only the articles of half B (held out from the span model, fitted on half A); within them 300 answerable + 300 unanswerable questions in sha256(question id) order',
        includedArticles: articles, excludedArticles,
        answerable: items.filter((i) => i.answerable).length, unanswerable: items.filter((i) => !i.answerable).length,
      },
      corpus: { documents: counts.documents, chunks: counts.chunks, skipped: ingested.counts.skipped, ingestSeconds: +ingestSeconds.toFixed(1) },
      pipeline: { answerer: 'extractive (no model), default sufficiency model and threshold', retrieval: `bm25 top ${topK}`, modes: run.modes },
      report: {
        produced, runId: run.id, rows: json.rows.length,
        accuracy: Object.fromEntries(Object.entries(json.accuracy).map(([m, a]) => [m, { ...a!, share: r4(a!.share) }])),
        metrics: Object.fromEntries(json.metrics.map((m) => [m.metric, Object.fromEntries(Object.entries(m.values).map(([k, v]) => [k, r4(v)]))])),
        diagnosis: {
          recommendation: diagnosis.recommendation.primary,
          classes: Object.fromEntries(Object.entries(diagnosis.classes).map(([k, c]) => [k, { count: c.count, share: r4(c.share) }])),
          evidence: diagnosis.recommendation.evidence,
        },
        files: { json: join(reportDir, 'report.json'), html: join(reportDir, 'report.html') },
      },
      chromium: {
        version: spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout.trim(),
        numbersChecked: compared.numbers, stringsChecked: compared.strings, mismatches: compared.mismatches.slice(0, 50), mismatchCount: compared.mismatches.length,
        numbersEqualJson: compared.mismatches.length === 0, checkerSelfTest: selfCheck, screenshot: screenshotBytes ? { file: outArg ? join(resultsDir, 'squad-report.png') : 'bench/results/squad-report.png', bytes: screenshotBytes, maxHeight: 2600 } : null,
      },
      seconds: { ingest: +ingestSeconds.toFixed(1), evaluate: +evalSeconds.toFixed(1), render: +renderSeconds.toFixed(1), total: +((performance.now() - started) / 1000).toFixed(1) },
      date: new Date().toISOString().slice(0, 10),
    };
    writeFileSync(join(resultsDir, 'squad-report.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify({ ...result, report: { ...result.report, metrics: undefined } }, null, 2));
    if (!produced) console.error('FAIL: the report was not produced completely.');
    if (selfCheck.detected !== selfCheck.tampered) console.error(`FAIL: the comparison missed ${selfCheck.tampered - selfCheck.detected} of ${selfCheck.tampered} deliberately altered values.`);
    if (compared.mismatches.length) console.error(`FAIL: ${compared.mismatches.length} numbers shown in Chromium differ from the JSON report, e.g. ${compared.mismatches[0]}`);
    return produced && equal ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
