/**
 * Vector search engines on 100k × 384 CLUSTERED float32 vectors (1,000 Gaussian clusters), 200 queries drawn
 * from the same clusters: build time, recall@10 against exact, p50/p95 latency and RSS for
 *  - the JavaScript exact scan the store uses below its ANN threshold (util/math/vector-math),
 *  - usearch exact search (SIMD, one thread): the brute-force floor,
 *  - usearch HNSW with f32 and f16 storage (what the store uses above the threshold),
 *  - filtered search (1% and 10% of rows allowed): HNSW with iterative deepening vs exact over the candidates,
 *  - the SQLite store end to end (commit, ANN build, reopen, searchVector), when `--no-store` is not given.
 * Writes bench/results/vector.json. Run: node --import tsx bench/vector.ts [--n 100000] [--no-store]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Index, MetricKind, exactSearch, type Matches, type ScalarKind } from 'usearch';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import type { DocumentWrite, Store } from '../src/spec/store.js';
import { dotAt, topK } from '../src/util/math/vector-math.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg('n', 100_000);
const dims = 384;
const clusters = arg('clusters', 1_000);
const queryCount = arg('queries', 200);
const k = 10;

/** Deterministic Gaussian generator (mulberry32 + Box–Muller). */
export function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform());
}

/** `count` unit vectors: cluster centre N(0, 1) plus N(0, 0.6²) noise; returns vectors and cluster ids. */
export function clustered(count: number, seed: number, centres: Float32Array): { matrix: Float32Array; cluster: Int32Array } {
  const g = gaussian(seed);
  const matrix = new Float32Array(count * dims);
  const cluster = new Int32Array(count);
  const c = centres.length / dims;
  for (let i = 0; i < count; i++) {
    const id = Math.floor(((g() * 1e6) % c + c) % c);
    cluster[i] = id;
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const v = centres[id * dims + j]! + 0.6 * g();
      matrix[i * dims + j] = v;
      norm += v * v;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) matrix[i * dims + j]! *= scale;
  }
  return { matrix, cluster };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 1000) / 1000;
};
const mb = (bytes: number) => Math.round(bytes / 1048576);
const rss = () => mb(process.memoryUsage().rss);
const row = (m: Float32Array, i: number) => m.slice(i * dims, (i + 1) * dims);

function timeQueries(fn: (q: Float32Array, i: number) => number[]): { p50: number; p95: number; results: number[][] } {
  const times: number[] = [];
  const results: number[][] = [];
  for (let i = 0; i < queryCount; i++) {
    const q = row(queries, i);
    const t = performance.now();
    results.push(fn(q, i));
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), results };
}

function recall(results: number[][], truth: number[][]): number {
  let hit = 0, total = 0;
  results.forEach((r, i) => {
    const t = new Set(truth[i]);
    total += t.size;
    hit += r.filter((x) => t.has(x)).length;
  });
  return Math.round((hit / Math.max(1, total)) * 10000) / 10000;
}

const g0 = gaussian(1);
const centres = Float32Array.from({ length: clusters * dims }, () => g0());
const t = performance.now();
const { matrix } = clustered(n, 2, centres);
const queries = clustered(queryCount, 3, centres).matrix;
console.error(`generated ${n} × ${dims} in ${Math.round(performance.now() - t)} ms, rss ${rss()} MB`);

const exactJs = (q: Float32Array, kk: number, allowed?: (i: number) => boolean) =>
  topK(n, kk, (i) => (allowed && !allowed(i) ? undefined : dotAt(q, matrix, i * dims, dims))).map((s) => s.index);
const js = timeQueries((q) => exactJs(q, k));
const truth = js.results;
console.error('js exact', js.p50, js.p95);

const floor = timeQueries((q) => [...(exactSearch(matrix, q, dims, k, MetricKind.IP, 1) as Matches).keys].map(Number));
console.error('usearch exact', floor.p50, floor.p95, 'recall', recall(floor.results, truth));

function hnsw(quantization: 'f32' | 'f16') {
  const before = rss();
  const index = new Index({ dimensions: dims, metric: MetricKind.IP, quantization: quantization as ScalarKind, connectivity: 16, expansion_add: 128, expansion_search: 64, multi: false });
  const keys = BigUint64Array.from({ length: n }, (_, i) => BigInt(i));
  let start = performance.now();
  index.add(keys, matrix, cpus().length);
  const buildMs = Math.round(performance.now() - start);
  const after = rss();
  const r = timeQueries((q) => [...index.search(q, k, 1).keys].map(Number));
  const dir = mkdtempSync(join(tmpdir(), 'fathom-bench-vector-'));
  start = performance.now();
  index.save(join(dir, 'i.usearch'));
  const saveMs = Math.round(performance.now() - start);
  const fileMb = mb(statSync(join(dir, 'i.usearch')).size);
  const loaded = new Index({ dimensions: dims, metric: MetricKind.IP, quantization: quantization as ScalarKind, connectivity: 16, expansion_add: 128, expansion_search: 64, multi: false });
  start = performance.now();
  loaded.load(join(dir, 'i.usearch'));
  const loadMs = Math.round(performance.now() - start);
  rmSync(dir, { recursive: true, force: true });
  const out = { quantization, connectivity: 16, expansionAdd: 128, expansionSearch: 64, buildMs, buildThreads: cpus().length, recallAt10: recall(r.results, truth), p50: r.p50, p95: r.p95, rssGrowthMb: after - before, fileMb, saveMs, loadMs };
  console.error('hnsw', JSON.stringify(out));
  return { out, index };
}

const f16 = hnsw('f16');
const f32 = hnsw('f32');

/** Filter keeping `share` of the rows: iterative deepening on HNSW vs an exact scan over the candidates. */
function filtered(share: number) {
  const modulo = Math.round(1 / share);
  const allowed = (i: number) => i % modulo === 0;
  const candidates = Int32Array.from({ length: Math.ceil(n / modulo) }, (_, j) => j * modulo).filter((i) => i < n);
  const truthF = timeQueries((q) => exactJs(q, k, allowed)).results;
  const exact = timeQueries((q) => topK(candidates.length, k, (j) => dotAt(q, matrix, candidates[j]! * dims, dims)).map((s) => candidates[s.index]!));
  let rounds = 0;
  const deep = timeQueries((q) => {
    for (let kk = k * 4; ; kk *= 4) {
      rounds++;
      const keys = [...f32.index.search(q, Math.min(kk, n), 1).keys].map(Number).filter(allowed);
      if (keys.length >= k || kk >= n) return keys.slice(0, k);
    }
  });
  const out = {
    share, candidates: candidates.length,
    exactOverCandidates: { recallAt10: recall(exact.results, truthF), p50: exact.p50, p95: exact.p95 },
    hnswDeepening: { recallAt10: recall(deep.results, truthF), p50: deep.p50, p95: deep.p95, meanRounds: Math.round((rounds / queryCount) * 100) / 100 },
  };
  console.error('filtered', JSON.stringify(out));
  return out;
}
const filters = [filtered(0.01), filtered(0.1)];

/** The SQLite store end to end: commit, first search (graph build), searches, filters, reopen, delete, forced exact. */
async function benchStore() {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-bench-store-'));
  const path = join(dir, 'store.db');
  const tenant = 'bench';
  const write = (i: number): DocumentWrite => {
    const text = `document ${i}`;
    return {
      document: { id: `d${i}`, source: `d${i}`, title: `d${i}`, text, format: 'text', metadata: { bucket: i % 100 } },
      contentHash: `h${i}`, chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 2, role: 'leaf' }],
      vectors: [row(matrix, i)], at: 1,
    };
  };
  let store: Store = await createSqliteStore({ path });
  let start = performance.now();
  for (let i = 0; i < n; i += 2_000) await store.commit({ tenant, writes: Array.from({ length: Math.min(2_000, n - i) }, (_, j) => write(i + j)) });
  const commitMs = Math.round(performance.now() - start);
  const run = async (filter?: Record<string, unknown>) => {
    const times: number[] = [];
    const results: number[][] = [];
    for (let i = 0; i < queryCount; i++) {
      const t0 = performance.now();
      const hits = await store.searchVector({ tenant, vector: row(queries, i), topK: k, ...(filter ? { filter: filter as never } : {}) });
      times.push(performance.now() - t0);
      results.push(hits.map((h) => Number(h.document.id.slice(1))));
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95), results };
  };
  start = performance.now();
  await store.searchVector({ tenant, vector: row(queries, 0), topK: k });
  const firstSearchMs = Math.round(performance.now() - start);
  const plain = await run();
  const narrow = await run({ bucket: 7 });
  const wide = await run({ bucket: { lt: 50 } });
  const wideTruth = Array.from({ length: queryCount }, (_, i) => exactJs(row(queries, i), k, (j) => j % 100 < 50));
  const narrowOk = narrow.results.every((r) => r.length === k && r.every((j) => j % 100 === 7));
  start = performance.now();
  await store.close();
  const closeMs = Math.round(performance.now() - start);
  start = performance.now();
  store = await createSqliteStore({ path });
  await store.searchVector({ tenant, vector: row(queries, 0), topK: k });
  const reopenFirstSearchMs = Math.round(performance.now() - start);
  start = performance.now();
  await store.deleteDocuments({ tenant, ids: Array.from({ length: 100 }, (_, i) => `d${i * 7}`) });
  const delete100Ms = Math.round(performance.now() - start);
  start = performance.now();
  await store.commit({ tenant, writes: Array.from({ length: 100 }, (_, i) => ({ ...write(i * 7), contentHash: `new${i}` })) });
  await store.searchVector({ tenant, vector: row(queries, 0), topK: k });
  const commit100IncrementalMs = Math.round(performance.now() - start);
  await store.close();
  store = await createSqliteStore({ path, vectorIndex: { mode: 'exact' } });
  await store.searchVector({ tenant, vector: row(queries, 0), topK: k });
  const exact = await run();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const out = {
    settings: 'defaults: auto (HNSW from 20,000 vectors), f16, M=16, efConstruction=128, efSearch=64, filterExactLimit=2,000 documents',
    commitMs, firstSearchIncludingGraphBuildMs: firstSearchMs,
    searchVector: { recallAt10: recall(plain.results, truth), p50: plain.p50, p95: plain.p95 },
    filter1PercentExactOverCandidates: { p50: narrow.p50, p95: narrow.p95, everyQueryHasKHitsPassingTheFilter: narrowOk },
    filter50PercentHnswDeepening: { recallAt10: recall(wide.results, wideTruth), p50: wide.p50, p95: wide.p95 },
    closeWithSaveMs: closeMs, reopenFirstSearchMs, delete100DocsWithScrubAndSaveMs: delete100Ms, commit100ThenSearchIncrementalMs: commit100IncrementalMs,
    forcedExact: { recallAt10: recall(exact.results, truth), p50: exact.p50, p95: exact.p95 },
  };
  console.error('store', JSON.stringify(out));
  return out;
}

const store = process.argv.includes('--no-store') ? { skipped: '--no-store' } : await benchStore();

const result = {
  benchmark: 'vector',
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  command: `node --import tsx bench/vector.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`,
  data: { vectors: n, dims, clusters, queries: queryCount, k, generator: 'unit(centre ~ N(0,1) + N(0, 0.6²)), queries from the same centres' },
  exactJs: { p50: js.p50, p95: js.p95, note: 'util/math/vector-math dotAt + topK, single thread' },
  floor: { engine: 'usearch exactSearch (SIMD), 1 thread', p50: floor.p50, p95: floor.p95, recallAt10: recall(floor.results, truth), bytesPerQuery: n * dims * 4 },
  hnsw: [f16.out, f32.out],
  ratios: { hnswF32P95OverFloorP95: Math.round((f32.out.p95 / floor.p95) * 1000) / 1000, exactJsP95OverFloorP95: Math.round((js.p95 / floor.p95) * 100) / 100 },
  filtered: filters,
  store,
  peakRssMb: rss(),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'vector.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify({ ...result, filtered: undefined }, null, 2));
