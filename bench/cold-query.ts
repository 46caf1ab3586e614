/**
 * Cold query: one `fathom search` and one `fathom ask` process (the built CLI: the bundle with its code cache) per
 * query — and the same search by the unbundled ES-module CLI (FATHOM_NO_BUNDLE=1, the CLI before the bundle) — against SQLite FTS5
 * answering the same query from a cold process over the same corpus (bench/_fts5-query.mjs), `fathom --version`
 * (starting the CLI at all) and a bare `node -e ""` (starting Node at all). Corpora (bench/_cold-corpora.ts): BEIR
 * SciFact (when /work/shared/data or ../shared/data has it) and generated collections of one-chunk documents (Zipf
 * text as in bench/scale.ts) searched with BM25; `vectors-<n>`: generated documents with random 384-dimensional
 * vectors searched with `--mode vector` (query embedded by bench/_stub-embedder.mjs, a local OpenAI-compatible
 * endpoint), plus the store alone opened and searched once in a cold process (bench/_vector-probe.mjs) — below the
 * HNSW threshold (20,000) the exact matrix, above it the saved graph. Stores are built once into `--dir` and reused
 * (`--build-only` builds and stops). Runs are interleaved (rotating order) so machine load hits all alike; the load
 * average is recorded. Peak RSS of a cold process comes from GNU time. Also: warm BM25 p50/p95 in one process (300
 * queries after a warm-up) on each text store. Writes bench/results/cold-query.json (results merged by corpus).
 * Run: npm run bench -- cold-query   [--sizes scifact,100000,1000000,vectors-19000,vectors-100000] [--runs 20] [--dir /tmp/fathom-cold-query]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import type { DocumentWrite } from '../src/spec/store.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { generated, scifact, withVectors, type Corpus } from './_cold-corpora.js';

const here = import.meta.dirname;
const root = resolve(here, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const dir = arg('dir', '/tmp/fathom-cold-query');
const runs = Number(arg('runs', '20'));
const sizes = arg('sizes', 'scifact,100000,1000000,vectors-19000,vectors-100000').split(',');
const buildOnly = process.argv.includes('--build-only');
const scifactDir = ['/work/shared/data/beir-scifact', resolve(root, '../shared/data/beir-scifact')].find((d) => existsSync(join(d, 'corpus.jsonl')));
const cli = join(root, 'bin', 'fathom.js');
const fts5Script = join(here, '_fts5-query.mjs');
const probeScript = join(here, '_vector-probe.mjs');
const builtStore = join(root, 'dist', 'store', 'sqlite', 'index.js');

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
  const fts = corpus.dims ? undefined : new Database(ftsPath);
  fts?.pragma('journal_mode = WAL');
  fts?.exec("DROP TABLE IF EXISTS docs; CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize = 'porter unicode61')");
  const insert = fts?.prepare('INSERT INTO docs (id, body) VALUES (?, ?)');
  let batch: DocumentWrite[] = [];
  let chunks = 0;
  const flush = async () => {
    await store.commit({ tenant: 'default', writes: batch });
    fts?.transaction(() => batch.forEach((w) => insert!.run(w.document.id, w.document.text)))();
    chunks += batch.length;
    batch = [];
    if (chunks % 100_000 === 0) console.log(`  ${corpus.name}: ${chunks} chunks, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  for (const d of corpus.documents()) {
    batch.push({
      document: { id: d.id, source: `${corpus.name}#${d.id}`, title: d.title, text: d.text, format: 'text', metadata: {} },
      contentHash: d.id,
      chunks: [{ text: d.text, start: 0, end: d.text.length, headingPath: [], tokenCount: 0, role: 'leaf' }],
      ...(d.vector ? { vectors: [d.vector], embeddingModel: 'stub' } : {}),
      at: 0,
    });
    if (batch.length === 10_000) await flush();
  }
  if (batch.length) await flush();
  if (corpus.dims) await store.searchVector({ tenant: 'default', vector: new Float32Array(corpus.dims).fill(1), topK: 1 }); // builds and saves the graph
  await store.close();
  fts?.close();
  const buildSeconds = (performance.now() - t0) / 1000;
  writeFileSync(done, JSON.stringify({ chunks, buildSeconds }));
  return { storePath, ftsPath, chunks, buildSeconds };
}

// ---------- timing ----------
function timed(command: string, args: string[], cwd: string, env?: Record<string, string>): { ms: number; cpuMs: number; rssMb: number; stdout: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M CPU_S=%U+%S', command, ...args], { cwd, encoding: 'utf8', env: env ? { ...process.env, ...env } : undefined });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  const rss = /RSS_KB=(\d+)/.exec(r.stderr);
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout };
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

async function measure(corpus: Corpus, embedderPort: number | undefined): Promise<Record<string, unknown>> {
  const built = await build(corpus);
  const cwd = join(dir, corpus.name);
  const mode = corpus.dims ? 'vector' : 'bm25';
  if (corpus.dims) {
    const embedding = { provider: 'openai-compatible', baseURL: `http://127.0.0.1:${embedderPort}/v1`, model: 'stub', dimensions: corpus.dims };
    writeFileSync(join(cwd, 'fathom.config.json'), JSON.stringify({ embedding }));
  }
  type Sample = 'node' | 'version' | 'search' | 'ask' | 'fts5' | 'probe' | 'searchUnbundled' | 'versionUnbundled' | 'searchRss' | 'askRss' | 'fts5Rss' | 'probeOpen' | 'probeSearch' | 'probeRss' | 'searchUnbundledRss';
  const samples = {} as Record<Sample | `${Sample}Cpu`, number[]>;
  const push = (key: Sample | `${Sample}Cpu`, x: number) => (samples[key] ??= []).push(x);
  const run = (key: 'node' | 'version' | 'search' | 'ask' | 'fts5' | 'probe' | 'searchUnbundled' | 'versionUnbundled', command: string, args: string[], env?: Record<string, string>) => {
    const r = timed(command, args, cwd, env);
    push(key, r.ms);
    push(`${key}Cpu`, r.cpuMs);
    if (!key.startsWith('node') && !key.startsWith('version')) push(`${key}Rss` as Sample, r.rssMb);
    return r;
  };
  // Before/after in the same run: the unbundled ES-module CLI (FATHOM_NO_BUNDLE=1) against the bundle + code cache.
  const unbundled = { FATHOM_NO_BUNDLE: '1' };
  const cliRun = (command: 'search' | 'ask') => () => void run(command, process.execPath, [cli, command, corpus.query, '-k', '10', '--mode', mode, '--store', built.storePath]);
  const steps: Array<() => void> = [
    () => void run('node', process.execPath, ['-e', '']),
    () => void run('version', process.execPath, [cli, '--version']),
    () => void run('versionUnbundled', process.execPath, [cli, '--version'], unbundled),
    cliRun('search'),
    () => void run('searchUnbundled', process.execPath, [cli, 'search', corpus.query, '-k', '10', '--mode', mode, '--store', built.storePath], unbundled),
    cliRun('ask'),
    corpus.dims
      ? () => {
          const r = run('probe', process.execPath, [probeScript, builtStore, built.storePath, String(corpus.dims)]);
          const p = JSON.parse(r.stdout) as { openMs: number; firstSearchMs: number };
          push('probeOpen', p.openMs);
          push('probeSearch', p.firstSearchMs);
        }
      : () => void run('fts5', process.execPath, [fts5Script, built.ftsPath, corpus.query, '10']),
  ];
  const load = [loadavg()[0]!];
  for (let i = 0; i < runs; i++) for (let s = 0; s < steps.length; s++) steps[(i + s) % steps.length]!();
  load.push(loadavg()[0]!);
  const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)])) as Record<keyof typeof samples, number>;
  const cpu = { node: round(m.nodeCpu), version: round(m.versionCpu), search: round(m.searchCpu), ask: round(m.askCpu), ...(corpus.dims ? { probe: round(m.probeCpu) } : { fts5: round(m.fts5Cpu) }) };
  const common = {
    chunks: built.chunks,
    mode,
    query: corpus.query,
    storeMb: round(statSync(built.storePath).size / 2 ** 20),
    buildSeconds: built.buildSeconds === undefined ? undefined : round(built.buildSeconds),
    runs,
    medianMs: { node: round(m.node), version: round(m.version), search: round(m.search), ask: round(m.ask), ...(corpus.dims ? {} : { fts5: round(m.fts5) }) },
    searchMinusVersionMs: round(m.search - m.version),
    askMinusVersionMs: round(m.ask - m.version),
    /** CPU (user + system) per process, median: robust to machine load, unlike wall time. */
    medianCpuMs: cpu,
    cpuSearchMinusVersionMs: round(m.searchCpu - m.versionCpu),
    cpuAskMinusVersionMs: round(m.askCpu - m.versionCpu),
    /** The same search by the unbundled ES-module CLI (the CLI before the bundle), in the same interleaved rounds. */
    unbundled: {
      medianMs: { version: round(m.versionUnbundled), search: round(m.searchUnbundled) },
      medianCpuMs: { version: round(m.versionUnbundledCpu), search: round(m.searchUnbundledCpu) },
      searchMinusNodeMs: round(m.searchUnbundled - m.node),
      cpuSearchMinusNodeMs: round(m.searchUnbundledCpu - m.nodeCpu),
    },
    searchMinusNodeMs: round(m.search - m.node),
    cpuSearchMinusNodeMs: round(m.searchCpu - m.nodeCpu),
    /** bundled ÷ unbundled: below 1 is faster. */
    ratioBundledOverUnbundled: { searchWall: round2(m.search / m.searchUnbundled), searchCpu: round2(m.searchCpu / m.searchUnbundledCpu), searchAboveNodeCpu: round2((m.searchCpu - m.nodeCpu) / Math.max(1, m.searchUnbundledCpu - m.nodeCpu)) },
  };
  if (corpus.dims) {
    return {
      ...common,
      dims: corpus.dims,
      vectorIndex: built.chunks >= 20_000 ? 'hnsw (saved graph, memory-mapped)' : 'exact',
      coldStoreMs: { open: round2(m.probeOpen), firstVectorSearch: round2(m.probeSearch) },
      peakRssMb: { search: round(Math.max(...samples.searchRss)), ask: round(Math.max(...samples.askRss)), probe: round(Math.max(...samples.probeRss)) },
      loadAverage1m: load.map(round),
    };
  }
  const warmBm25 = await warm(built.storePath, corpus.queries());
  return {
    ...common,
    aboveBareNodeMs: { version: round(m.version - m.node), search: round(m.search - m.node), ask: round(m.ask - m.node), fts5: round(m.fts5 - m.node) },
    ratioSearchOverFts5: round2(m.search / m.fts5),
    ratioAboveBareNodeSearchOverFts5: round2((m.search - m.node) / Math.max(1, m.fts5 - m.node)),
    peakRssMb: { search: round(Math.max(...samples.searchRss)), ask: round(Math.max(...samples.askRss)), fts5: round(Math.max(...samples.fts5Rss)) },
    warmBm25Ms: warmBm25,
    loadAverage1m: load.map(round),
  };
}

/** Start bench/_stub-embedder.mjs; resolves with its port and a stop function. */
async function startEmbedder(dims: number): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [join(here, '_stub-embedder.mjs'), String(dims)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
  return { port: Number(line), stop: () => child.kill() };
}

if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) {
  console.log('cold-query: building the CLI (npm run build) — the benchmark times the built CLI');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const _commit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
};
const results: Record<string, unknown> = {};
const file = join(here, 'results', 'cold-query.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results?: Record<string, unknown> }).results ?? {} : {};
let embedder: Awaited<ReturnType<typeof startEmbedder>> | undefined;
for (const size of sizes) {
  let corpus: Corpus;
  if (size === 'scifact') {
    if (!scifactDir) {
      console.log('cold-query: SciFact not found (/work/shared/data or ../shared/data); skipped');
      continue;
    }
    corpus = scifact(scifactDir);
  } else if (size.startsWith('vectors-')) corpus = withVectors(Number(size.slice('vectors-'.length)));
  else corpus = generated(Number(size));
  console.log(`cold-query: ${corpus.name}`);
  if (buildOnly) {
    console.log(JSON.stringify(await build(corpus)));
    continue;
  }
  if (corpus.dims && !embedder) embedder = await startEmbedder(corpus.dims);
  // Each result names its own run: results of other corpora from earlier runs are kept in the file (merged by corpus).
  results[corpus.name] = { ...(await measure(corpus, embedder?.port)), run: { command: `npm run bench -- cold-query ${process.argv.slice(2).join(' ')}`.trim(), date: new Date().toISOString(), commit: _commit() } };
  console.log(JSON.stringify(results[corpus.name], null, 2));
}
embedder?.stop();
if (buildOnly) process.exit(0);
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
        'wall time of one process per query (spawn to exit, GNU time for peak RSS), median of `runs`; search/ask = built CLI `fathom search|ask <q> -k 10 --mode bm25|vector` (ask: the extractive answerer); FTS5 = bench/_fts5-query.mjs (better-sqlite3, porter unicode61, bm25() top 10, terms OR-ed) over the same texts; unbundled = the same search and --version with FATHOM_NO_BUNDLE=1 (dist/cli/run.js, ES modules, no code cache); version = `fathom --version`; node = `node -e ""` (the floor of any Node process); vector corpora: random 384-d vectors, query embedded by a local stub endpoint, coldStoreMs = the built store opened and searched once in a fresh process (bench/_vector-probe.mjs); rounds interleaved',
      targets,
      results: { ...previous, ...results },
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${file}`);
