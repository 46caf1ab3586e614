/**
 * Ingestion fidelity over ../shared/data/real-docs (real HTML, PDF, DOCX and Markdown files with
 * `.expect.json` expectations): per file and per format, the share of `must_contain` phrases found in the
 * stored text, of `must_not_contain` chrome absent, of `code_blocks` lines inside fenced blocks, expected
 * headings in order, heading paths with generator artefacts, control characters; per HTML page the kept share
 * of the visible characters of its main-content region (see `keptShare` in _fidelity-metrics.ts: the region
 * is the one the page's generator documents, listed in REFERENCE_REGIONS below, measured independently of
 * the extractor; visible = text without script/style/template/hidden elements and permalink symbols).
 * HTML runs three extractors in the same run: `readability` (the previous loader), `content-region` (the
 * current loader) and `defuddle`. Also HTML ingest speed (docs/s, real ingest into a temp SQLite store).
 * Writes bench/results/fidelity.json. Run: npm run bench -- fidelity
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { createChunker } from '../src/ingest/chunkers/index.js';
import { ingest } from '../src/ingest/index.js';
import { defaultLoaders, loaderForPath } from '../src/ingest/loaders/index.js';
import { htmlLoader } from '../src/ingest/loaders/html-loader.js';
import { visibleText } from '../src/ingest/loaders/html/visible-text.js';
import type { Loader } from '../src/spec/loader.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';
import { shared } from './_cli.js';
import { type Expect, type Figures, figures, keptShare } from './_fidelity-metrics.js';
import { readabilityHtmlLoader } from './_fidelity-readability.js';

// ../shared/data from the main checkout; a worktree under wt/ finds it one level further up.
const root = [join(shared, 'real-docs'), join(shared, '../../../shared/data/real-docs')].find((p) => existsSync(p)) ?? join(shared, 'real-docs');
if (!existsSync(root)) {
  console.log(`skipped: ${root} not found (the fidelity benchmark needs ../shared/data/real-docs)`);
  process.exit(0);
}

/** The main-content region each page's generator documents (real-docs README), independent of the extractor. */
const REFERENCE_REGIONS: Array<[RegExp, string]> = [
  [/^lmfit-/, 'div.body[role="main"]'],
  [/^pyproj-/, 'article[role="main"]'],
  [/^mkdocstrings-/, 'article.md-content__inner'],
  [/^carbon-aware-sdk-/, 'article .theme-doc-markdown'],
  [/^luajit-/, 'div#main'],
  [/^junit4-/, 'START OF CLASS DATA|END OF CLASS DATA'],
  // AsciiDoc-built manual pages (below): the title and NAME section sit in #header, the rest in #content.
  [/^git-/, '#header, #content'],
];

/**
 * AsciiDoc-built pages: git's manual pages as Debian's `git-doc` package ships them (AsciiDoc 10, the shape
 * git-scm.com serves), the pages on which Readability kept 28–31% (issue 12). Measured when the package is
 * installed (`apt-get install git-doc`): kept share of the visible #header + #content text per extractor.
 */
const ASCIIDOC_DIR = '/usr/share/doc/git-doc';
const ASCIIDOC_PAGES = ['git-add', 'git-branch', 'git-checkout', 'git-clone', 'git-commit', 'git-diff', 'git-fetch', 'git-log', 'git-merge', 'git-pull', 'git-push', 'git-rebase', 'git-reset', 'git-stash', 'git-status', 'git-tag'];

async function load(loader: Loader, path: string): Promise<string> {
  const bytes = readFileSync(path);
  // A generous deadline: fidelity, not speed, is measured here (OCR of a scanned page takes 20–40 s at this load).
  for await (const ev of loader.load({ path, relativePath: relative(root, path), bytes, options: {}, deadline: Date.now() + 300_000 } as never)) {
    if (ev.type === 'document') return ev.document.text;
    if (ev.type === 'skip') return '';
  }
  return '';
}

async function defuddle(path: string): Promise<string> {
  const { Defuddle } = await import('defuddle/node');
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  const r = await Defuddle(document as never, `file://${path}`, { markdown: true });
  return r.content ?? '';
}

function referenceVisible(name: string, html: string): string {
  const selector = REFERENCE_REGIONS.find(([re]) => re.test(name))?.[1];
  if (!selector) return '';
  let regions;
  if (selector.includes('|')) {
    const [a, b] = selector.split('|') as [string, string];
    regions = [parseHTML(`<html><body><div>${html.slice(html.indexOf(a), html.indexOf(b))}</div></body></html>`).document.querySelector('div')];
  } else regions = [...parseHTML(html).document.querySelectorAll(selector)]; // `a, b`: every region, in page order
  const texts = [];
  for (const region of regions) {
    if (!region) continue;
    for (const el of [...region.querySelectorAll('.headerlink, .hash-link, a.anchor')]) el.remove();
    // A reader sees a line break at <br> and between blocks; textContent would glue the words together.
    for (const br of [...region.querySelectorAll('br')]) br.replaceWith('\n');
    for (const b of [...region.querySelectorAll('p, div, li, td, th, tr, h1, h2, h3, h4, h5, h6, pre, dt, dd, span.token-line')]) b.append(' ');
    texts.push(visibleText(region).replace(/^[^>]*-->/, ''));
  }
  return texts.join(' ');
}

const agg = (rows: Figures[]): Record<string, number> => {
  const sum = (f: (r: Figures) => number): number => rows.reduce((s, r) => s + f(r), 0);
  const pct = (a: number, b: number): number => (b ? Math.round((a / b) * 1000) / 10 : 100);
  return {
    phrasesPct: pct(sum((r) => r.phrases.found), sum((r) => r.phrases.total)),
    chromeDroppedPct: pct(sum((r) => r.chrome.absent), sum((r) => r.chrome.total)),
    codeFencedPct: pct(sum((r) => r.code.fenced), sum((r) => r.code.total)),
    headingsInOrderPct: pct(sum((r) => r.headings.inOrder), sum((r) => r.headings.total)),
    headingArtefacts: sum((r) => r.headings.artefacts.length),
    documentsWithControlChars: rows.filter((r) => r.controlChars > 0).length,
  };
};

const files = (dir: string, ext: string): string[] => readdirSync(join(root, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => join(root, dir, f));
const expectOf = (file: string): Expect => JSON.parse(readFileSync(file.replace(/\.[a-z]+$/, '.expect.json'), 'utf8')) as Expect;

const results: Record<string, unknown> = { dataset: 'real-docs', generatedAt: new Date().toISOString() };
const extractors: Record<string, (p: string) => Promise<string>> = {
  readability: (p) => load(readabilityHtmlLoader, p),
  'content-region': (p) => load(htmlLoader, p),
  defuddle,
};
const html: Record<string, { perFile: Record<string, unknown>; figures: Figures[]; shares: number[]; ms: number }> = {};
for (const name of Object.keys(extractors)) html[name] = { perFile: {}, figures: [], shares: [], ms: 0 };
// Warm-up: module imports and JIT are paid once, outside the per-extractor timing below.
for (const run of Object.values(extractors)) await run(files('html', '.html')[0]!);
for (const file of files('html', '.html')) {
  const name = file.split('/').pop()!.replace(/\.html$/, '');
  const visible = referenceVisible(name, readFileSync(file, 'utf8'));
  for (const [ex, run] of Object.entries(extractors)) {
    const t0 = performance.now();
    const text = await run(file);
    html[ex]!.ms += performance.now() - t0;
    const f = figures(text, expectOf(file));
    const kept = keptShare(visible, text);
    html[ex]!.figures.push(f);
    html[ex]!.shares.push(kept.share);
    html[ex]!.perFile[name] = { ...f, visibleChars: kept.visibleChars, keptChars: kept.keptChars, keptShare: Math.round(kept.share * 1000) / 1000, storedChars: text.length };
  }
}
const htmlSummary: Record<string, unknown> = {};
for (const [ex, r] of Object.entries(html)) {
  htmlSummary[ex] = { ...agg(r.figures), minKeptShare: Math.round(Math.min(...r.shares) * 1000) / 1000, meanKeptShare: Math.round((r.shares.reduce((a, b) => a + b, 0) / r.shares.length) * 1000) / 1000, pagesUnder90Pct: r.shares.filter((s) => s < 0.9).length, extractDocsPerSecond: Math.round((r.shares.length / (r.ms / 1000)) * 10) / 10, perFile: r.perFile };
}
results.html = htmlSummary;

if (existsSync(join(ASCIIDOC_DIR, 'git-log.html'))) {
  const shares: Record<string, Record<string, unknown>> = {};
  const perExtractor: Record<string, number[]> = {};
  for (const page of ASCIIDOC_PAGES) {
    const file = join(ASCIIDOC_DIR, `${page}.html`);
    const visible = referenceVisible(page, readFileSync(file, 'utf8'));
    shares[page] = {};
    for (const [ex, run] of Object.entries(extractors)) {
      const text = await run(file);
      const kept = keptShare(visible, text);
      (perExtractor[ex] ??= []).push(kept.share);
      const f = figures(text, {});
      shares[page]![ex] = { visibleChars: kept.visibleChars, keptChars: kept.keptChars, keptShare: Math.round(kept.share * 1000) / 1000, headingArtefacts: f.headings.artefacts.length };
    }
  }
  const summary: Record<string, unknown> = {};
  for (const [ex, s] of Object.entries(perExtractor)) summary[ex] = { pages: s.length, minKeptShare: Math.round(Math.min(...s) * 1000) / 1000, meanKeptShare: Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 1000) / 1000, pagesUnder90Pct: s.filter((x) => x < 0.9).length, pagesUnder70Pct: s.filter((x) => x < 0.7).length };
  results.asciidocHtml = { source: `${ASCIIDOC_DIR} (Debian git-doc: git manual pages built by AsciiDoc)`, ...summary, perFile: shares };
} else results.asciidocHtml = { skipped: `${ASCIIDOC_DIR} not found: apt-get install git-doc` };

for (const [format, ext] of [['pdf', '.pdf'], ['docx', '.docx']] as const) {
  const perFile: Record<string, unknown> = {};
  const rows: Figures[] = [];
  for (const file of files(format, ext)) {
    const text = await load(loaderForPath(file, defaultLoaders)!, file);
    const f = figures(text, expectOf(file), { isMarkdown: format !== 'pdf' });
    // real-docs lists PDF section titles without their numbers (`1 Introduction`, `A Background`, `2.1 Data` → the title).
    if (format === 'pdf') f.headings = figures(text.replace(/^(#{1,6} )(?:[A-Z]|\d+(?:\.\d+)*)\.?[ \t]+/gm, '$1'), { headings: expectOf(file).headings ?? [] }).headings;
    rows.push(f);
    perFile[file.split('/').pop()!] = { ...f, storedChars: text.length };
  }
  results[format] = { ...agg(rows), perFile };
}

{
  const md = JSON.parse(readFileSync(join(root, 'md/expect.json'), 'utf8')) as {
    files: string[]; must_contain: Array<{ file: string; text: string }>; headings: Array<{ file: string; text: string }>;
    code_blocks: Array<{ file: string; line: string }>; must_not_contain: string[]; front_matter: Array<{ file: string; line: string }>;
  };
  const rows: Figures[] = [];
  const perFile: Record<string, unknown> = {};
  let frontMatterInText = 0;
  for (const rel of md.files) {
    const text = await load(loaderForPath(rel, defaultLoaders)!, join(root, 'md', rel));
    const f = figures(text, {
      must_contain: md.must_contain.filter((p) => p.file === rel).map((p) => p.text),
      must_not_contain: md.must_not_contain,
      code_blocks: md.code_blocks.filter((p) => p.file === rel).map((p) => p.line),
      headings: md.headings.filter((p) => p.file === rel).map((p) => p.text),
    });
    const source = readFileSync(join(root, 'md', rel), 'utf8');
    // A front-matter line is "in the text" when the text holds it as often as the whole source file does.
    frontMatterInText += md.front_matter.filter((p) => p.file === rel && text.split(p.line).length >= source.split(p.line).length).length;
    rows.push(f);
    if (f.phrases.missing.length || f.chrome.present.length || f.code.notFenced.length || f.headings.missing.length || f.headings.artefacts.length) perFile[rel] = f;
  }
  results.markdown = { files: md.files.length, ...agg(rows), frontMatterLinesInText: frontMatterInText, filesWithFindings: perFile };
}

// HTML ingest (load + chunk + store, no embeddings) into a fresh temp store; run twice, the second run is warm.
// Timings depend on machine load: the run records the load average next to them, and the process's CPU time
// (docs per CPU second: what one free core would give, less sensitive to other processes than wall time).
results.htmlIngest = { loadAverage: loadavg()[0] };
for (const run of ['cold', 'warm']) {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-fidelity-'));
  const store = await createSqliteStore({ path: join(dir, 'bench.db') });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 512 });
  const t0 = performance.now();
  const c0 = process.cpuUsage(); // the whole process, parse worker thread included
  const report = await ingest({ store, tenant: 'bench', paths: [join(root, 'html')], cwd: root, chunker, batchSize: 64 });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  (results.htmlIngest as Record<string, unknown>)[run] = { documents: report.counts.documents, chunks: report.counts.chunks, seconds: Math.round(seconds * 100) / 100, docsPerSecond: Math.round((report.counts.documents / seconds) * 10) / 10, cpuSeconds: Math.round(cpuSeconds * 100) / 100, docsPerCpuSecond: Math.round((report.counts.documents / cpuSeconds) * 10) / 10 };
}

writeFileSync(join(import.meta.dirname, 'results/fidelity.json'), `${JSON.stringify(results, null, 2)}\n`);
const short = (r: Record<string, unknown>): string => Object.entries(r).filter(([k]) => k !== 'perFile' && k !== 'filesWithFindings').map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ');
for (const [ex, r] of Object.entries(htmlSummary)) console.log(`html ${ex}: ${short(r as Record<string, unknown>)}`);
for (const f of ['asciidocHtml', 'pdf', 'docx', 'markdown', 'htmlIngest']) console.log(`${f}: ${short(results[f] as Record<string, unknown>)}`);
