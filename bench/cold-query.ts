/**
 * Cold query: one `fathom search` process (the built CLI, BM25) per query, against SQLite FTS5 answering the same
 * query from a cold process over the same corpus (bench/_fts5-query.mjs), `fathom --version` (starting the CLI at
 * all) and a bare `node -e ""` (starting Node at all). Corpora: BEIR SciFact (when /work/shared/data or ../shared/data has it) and generated
 * collections of 100,000 and 1,000,000 one-chunk documents (Zipf text as in bench/scale.ts). Stores are built once
 * into `--dir` and reused. Runs are interleaved (version, search, FTS5 in rotating order) so machine load hits all
 * three alike; the load average is recorded. Peak RSS of a cold search comes from GNU time. Also: warm BM25
 * p50/p95 in one process (300 queries after a warm-up) on each store. Writes bench/results/cold-query.json.
 * Run: npm run bench -- cold-query   [--sizes scifact,100000,1000000] [--runs 20] [--dir /tmp/fathom-cold-query]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentWrite } from '../src/spec/store.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { englishStopWords } from '../src/util/text/stopwords.js';

const here = import.meta.dirname;
const root = resolve(here, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const dir = arg('dir', '/tmp/fathom-cold-query');
const runs = Number(arg('runs', '20'));
const sizes = arg('sizes', 'scifact,100000,1000000').split(',');
const scifactDir = ['/work/shared/data/beir-scifact', resolve(root, '../shared/data/beir-scifact')].find((d) => existsSync(join(d, 'corpus.jsonl')));
const cli = join(root, 'bin', 'fathom.js');
const fts5Script = join(here, '_fts5-query.mjs');

interface Corpus {
  name: string;
  documents: () => Iterable<{ id: string; title: string; text: string }>;
  query: string;
  queries: () => string[];
}

// ---------- generated text: Zipf (s = 1) over 100,000 words, Lucene's stop words at the top ranks ----------
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const vocab: string[] = [...englishStopWords];
{
  const on = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'pl'];
  const vw = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
  const seen = new Set(vocab);
  const r = uniform(7);
  while (vocab.length < 100_000) {
    let w = '';
    for (let s = 2 + Math.floor(r() * 3); s > 0; s--) w += on[Math.floor(r() * on.length)]! + vw[Math.floor(r() * vw.length)]!;
    if (r() < 0.3) w += 'n';
    if (seen.has(w)) continue;
    seen.add(w);
    vocab.push(w);
  }
}
const cdf = new Float64Array(vocab.length);
{
  let sum = 0;
  for (let i = 0; i < vocab.length; i++) cdf[i] = sum += 1 / (i + 1);
  for (let i = 0; i < vocab.length; i++) cdf[i]! /= sum;
}
const zipf = (u: number) => {
  let lo = 0, hi = vocab.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocab[lo]!;
};
const generatedText = (i: number) => {
  const r = uniform(i * 31 + 11);
  return Array.from({ length: 20 + Math.floor(r() * 61) }, () => zipf(r())).join(' ');
};
/** A query: 4 non-stop words of document i (so it has hits), frequent and rare alike. */
const generatedQuery = (i: number) => generatedText(i).split(' ').filter((w) => !englishStopWords.has(w)).slice(0, 4).join(' ');

function generated(n: number): Corpus {
  return {
    name: `generated-${n}`,
    *documents() {
      for (let i = 0; i < n; i++) yield { id: `doc-${i}`, title: `Generated document ${i}`, text: generatedText(i) };
    },
    query: generatedQuery(Math.floor(n / 2) + 7),
    queries: () => Array.from({ length: 300 }, (_, q) => generatedQuery((q * 7919) % n)),
  };
}

function scifact(data: string): Corpus {
  const lines = (file: string) => readFileSync(join(data, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
  const queries = lines('queries.jsonl').map((q) => q.text!);
  return {
    name: 'scifact',
    *documents() {
      for (const d of lines('corpus.jsonl')) yield { id: d._id!, title: d.title!, text: `${d.title}\n${d.text}` };
    },
    query: queries[0]!,
    queries: () => queries.slice(0, 300),
  };
}

// ---------- building the stores (once) ----------
async function build(corpus: Corpus): Promise<{ storePath: string; ftsPath: string; chunks: number; buildSeconds?: number }> {
  const base = join(dir, corpus.name);
  const storePath = join(base, '.fathom', 'fathom.db');
  const ftsPath = join(base, 'fts5.db');
  const done = join(base, 'done.json');
  if (existsSync(done)) return { storePath, ftsPath, ...(JSON.parse(readFileSync(done, 'utf8')) as { chunks: number }) };
  mkdirSync(join(base, '.fathom'), { recursive: true });
  const t0 = performance.now();
  const store = await createSqliteStore({ path: storePath });
  const fts = new Database(ftsPath);
  fts.pragma('journal_mode = WAL');
  fts.exec("DROP TABLE IF EXISTS docs; CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize = 'porter unicode61')");
  const insert = fts.prepare('INSERT INTO docs (id, body) VALUES (?, ?)');
  let batch: DocumentWrite[] = [];
  let chunks = 0;
  const flush = async () => {
    await store.commit({ tenant: 'default', writes: batch });
    fts.transaction(() => batch.forEach((w) => insert.run(w.document.id, w.document.text)))();
    chunks += batch.length;
    batch = [];
    if (chunks % 100_000 === 0) console.log(`  ${corpus.name}: ${chunks} chunks, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  for (const d of corpus.documents()) {
    batch.push({
      document: { id: d.id, source: `${corpus.name}#${d.id}`, title: d.title, text: d.text, format: 'text', metadata: {} },
      contentHash: d.id,
      chunks: [{ text: d.text, start: 0, end: d.text.length, headingPath: [], tokenCount: 0, role: 'leaf' }],
      at: 0,
    });
    if (batch.length === 10_000) await flush();
  }
  if (batch.length) await flush();
  await store.close();
  fts.close();
  const buildSeconds = (performance.now() - t0) / 1000;
  writeFileSync(done, JSON.stringify({ chunks, buildSeconds }));
  return { storePath, ftsPath, chunks, buildSeconds };
}

// ---------- timing ----------
function timed(command: string, args: string[], cwd: string): { ms: number; rssMb: number; stdout: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', command, ...args], { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  const rss = /RSS_KB=(\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function warm(storePath: string, queries: string[]): Promise<{ p50: number; p95: number; firstMs: number }> {
  const store = await createSqliteStore({ path: storePath });
  const t0 = performance.now();
  await store.searchKeyword({ tenant: 'default', query: queries[0]!, topK: 10 });
  const firstMs = performance.now() - t0;
  for (const q of queries) await store.searchKeyword({ tenant: 'default', query: q, topK: 10 });
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await store.searchKeyword({ tenant: 'default', query: q, topK: 10 });
    times.push(performance.now() - t);
  }
  await store.close();
  times.sort((a, b) => a - b);
  return { p50: round2(times[times.length >> 1]!), p95: round2(times[Math.floor(times.length * 0.95)]!), firstMs: round(firstMs) };
}

async function measure(corpus: Corpus): Promise<Record<string, unknown>> {
  const built = await build(corpus);
  const cwd = join(dir, corpus.name);
  const samples = { node: [] as number[], version: [] as number[], search: [] as number[], fts5: [] as number[], searchRss: [] as number[], fts5Rss: [] as number[] };
  const steps: Array<() => void> = [
    () => samples.node.push(timed(process.execPath, ['-e', ''], cwd).ms),
    () => samples.version.push(timed(process.execPath, [cli, '--version'], cwd).ms),
    () => {
      const r = timed(process.execPath, [cli, 'search', corpus.query, '-k', '10', '--mode', 'bm25', '--store', built.storePath], cwd);
      samples.search.push(r.ms);
      samples.searchRss.push(r.rssMb);
    },
    () => {
      const r = timed(process.execPath, [fts5Script, built.ftsPath, corpus.query, '10'], cwd);
      samples.fts5.push(r.ms);
      samples.fts5Rss.push(r.rssMb);
    },
  ];
  const load = [loadavg()[0]!];
  for (let i = 0; i < runs; i++) for (let s = 0; s < steps.length; s++) steps[(i + s) % steps.length]!();
  load.push(loadavg()[0]!);
  const node = median(samples.node);
  const version = median(samples.version);
  const search = median(samples.search);
  const fts5 = median(samples.fts5);
  const warmBm25 = await warm(built.storePath, corpus.queries());
  return {
    chunks: built.chunks,
    query: corpus.query,
    storeMb: round(statSync(built.storePath).size / 2 ** 20),
    buildSeconds: built.buildSeconds === undefined ? undefined : round(built.buildSeconds),
    runs,
    medianMs: { node: round(node), version: round(version), search: round(search), fts5: round(fts5) },
    searchMinusVersionMs: round(search - version),
    aboveBareNodeMs: { version: round(version - node), search: round(search - node), fts5: round(fts5 - node) },
    ratioSearchOverFts5: round2(search / fts5),
    ratioAboveBareNodeSearchOverFts5: round2((search - node) / Math.max(1, fts5 - node)),
    peakRssMb: { search: round(Math.max(...samples.searchRss)), fts5: round(Math.max(...samples.fts5Rss)) },
    warmBm25Ms: warmBm25,
    loadAverage1m: load.map(round),
  };
}

if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  console.log('cold-query: building the CLI (npm run build) — the benchmark times the built CLI');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const results: Record<string, unknown> = {};
const file = join(here, 'results', 'cold-query.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: Record<string, unknown> }).results ?? {} : {};
for (const size of sizes) {
  let corpus: Corpus;
  if (size === 'scifact') {
    if (!scifactDir) {
      console.log('cold-query: SciFact not found (/work/shared/data or ../shared/data); skipped');
      continue;
    }
    corpus = scifact(scifactDir);
  } else corpus = generated(Number(size));
  console.log(`cold-query: ${corpus.name}`);
  results[corpus.name] = await measure(corpus);
  console.log(JSON.stringify(results[corpus.name], null, 2));
}
const targets = {
  'generated-100000': { searchMinusVersionMs: 50 },
  'generated-1000000': { searchMinusVersionMs: 150, peakRssMb: 150 },
};
writeFileSync(
  file,
  `${JSON.stringify(
    {
      benchmark: 'cold-query',
      command: `npm run bench -- cold-query ${process.argv.slice(2).join(' ')}`.trim(),
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, uptime: execFileSync('uptime', { encoding: 'utf8' }).trim() },
      method:
        'wall time of one process per query (spawn to exit, GNU time for peak RSS), median of `runs`; fathom = built CLI `fathom search <q> -k 10 --mode bm25`; FTS5 = bench/_fts5-query.mjs (better-sqlite3, porter unicode61, bm25() top 10, terms OR-ed) over the same texts; version = `fathom --version`; node = `node -e ""` (the floor of any Node process); rounds interleaved',
      targets,
      results: { ...previous, ...results },
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${file}`);
