/**
 * The PostgreSQL backend next to the SQLite backend, in one run: SciFact BM25 quality (nDCG@10, recall@100, and
 * whether every ranking equals SQLite's), then BM25 / vector / hybrid latency (p50/p95) and ingest throughput on a
 * synthetic corpus of N chunks (clustered 24-d vectors, a 21-word vocabulary: every query term matches most chunks, the worst case for postings) — SQLite, PGlite (WASM Postgres + pgvector, through `pg`
 * over pglite-socket) and, keyword-only, a real PostgreSQL 15 the bench starts. Writes bench/results/postgres.json.
 * Sizes: BENCH_POSTGRES_SIZES=10000,100000 (default 10000). Backends: BENCH_POSTGRES_BACKENDS (default
 * pglite,postgres15; SQLite always runs: the ratios are to it); SciFact: BENCH_POSTGRES_SCIFACT (default sqlite,postgres15; empty: skipped, the previous
 * result kept). Output: BENCH_POSTGRES_OUT (default bench/results/postgres.json, merged). The 100k keyword point,
 * SQLite vs PostgreSQL 15 (~3 min since the set-based commit; it did not finish in 10 min before):
 *   BENCH_POSTGRES_SIZES=100000 BENCH_POSTGRES_BACKENDS=postgres15 BENCH_POSTGRES_SCIFACT= node --import tsx bench/postgres.ts
 * Run: node --import tsx bench/postgres.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentWrite, Store } from '../src/spec/store.js';
import { createPostgresStore } from '../src/store/postgres/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { postgresServerUnavailable, startPostgresServer } from '../src/testing/postgres/start-postgres-server.js';
import { startPglite } from '../src/testing/postgres/start-pglite.js';
import { clusteredVectors } from '../src/testing/store/approximate-cases.js';
import { sha256 } from '../src/util/hash.js';
import { readScifact } from './_scifact.js';
import { syntheticDocs, syntheticQueries } from './postgres-synthetic.js';
import { ndcgAtK } from '../src/evaluate/metrics/retrieval/ndcg-at-k.js';
import { recallAtK } from '../src/evaluate/metrics/retrieval/recall-at-k.js';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = (process.env.BENCH_POSTGRES_SIZES ?? '10000').split(',').filter(Boolean).map(Number);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

const only = (process.env.BENCH_POSTGRES_BACKENDS ?? 'pglite,postgres15').split(',');
const pglite = only.includes('pglite') ? await startPglite() : undefined;
const unavailable = only.includes('postgres15') ? postgresServerUnavailable() : 'not selected (BENCH_POSTGRES_BACKENDS)';
const pg15 = unavailable ? undefined : await startPostgresServer();
// A run stopped by a time bound (timeout sends SIGTERM) must not leave the PostgreSQL server it started behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void Promise.allSettled([pg15?.stop(), pglite?.stop()]).finally(() => process.exit(130)));
let schemas = 0;
const backends: Array<{ name: string; vectors: boolean; open: () => Promise<Store> }> = [
  { name: 'sqlite', vectors: true, open: () => createSqliteStore({ path: ':memory:' }) },
  ...(pglite ? [{ name: 'pglite', vectors: true, open: () => createPostgresStore({ connectionString: pglite.connectionString, schema: `bench_${schemas++}`, maxConnections: 1 }) }] : []),
  ...(pg15 ? [{ name: 'postgres15', vectors: false, open: () => createPostgresStore({ connectionString: pg15.connectionString, schema: `bench_${schemas++}` }) }] : []),
];
const started = { at: new Date().toISOString(), wall: performance.now(), cpu: process.cpuUsage(), loadavg: loadavg().map((x) => round(x, 1)) };
const result: Record<string, unknown> = { machine: '2 shared cores, ~7 concurrent engineers (loaded)', pglite: pglite?.connectionString.replace(/:\d+\//, ':*/') ?? 'not run', postgres15: pg15?.version ?? `skipped: ${unavailable}` };

// 1. SciFact: quality and identity of rankings.
// ../../shared from a checkout next to shared/, ../../../shared from a worktree under wt/.
const dataDir = [join(here, '..', '..', 'shared', 'data', 'beir-scifact'), join(here, '..', '..', '..', 'shared', 'data', 'beir-scifact')].find((d) => existsSync(d)) ?? join(here, '..', '..', 'shared', 'data', 'beir-scifact');
const scifactBackends = (process.env.BENCH_POSTGRES_SCIFACT ?? 'sqlite,postgres15').split(',').filter(Boolean);
if (scifactBackends.length === 0) {
  result.scifact = 'skipped: BENCH_POSTGRES_SCIFACT is empty';
} else if (existsSync(join(dataDir, 'corpus.jsonl'))) {
  const { corpus, queries, qrels } = readScifact(dataDir);
  const writes: DocumentWrite[] = corpus.map((d) => {
    const text = `${d.title}\n${d.text}`;
    return { document: { id: d._id!, source: `scifact#${d._id}`, title: d.title!, text, format: 'beir', metadata: {} }, contentHash: sha256(text), chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 0, role: 'leaf' }], at: 0 };
  });
  const rankings = new Map<string, string[][]>();
  const scifact: Record<string, unknown> = {};
  // PGlite ingests SciFact's long abstracts too slowly for a bounded run on this machine (>6 min); its SQL is the
  // one PostgreSQL 15 runs. Opt in with BENCH_POSTGRES_SCIFACT=sqlite,pglite,postgres15.
  for (const b of backends.filter((x) => scifactBackends.includes(x.name))) {
    const store = await b.open();
    const ingestMs = await time(async () => {
      for (let i = 0; i < writes.length; i += 500) await store.commit({ tenant: 'scifact', writes: writes.slice(i, i + 500) });
    });
    console.log(`${b.name}: SciFact ingested in ${Math.round(ingestMs)} ms`);
    const lat: number[] = [];
    const ranked: string[][] = [];
    let ndcg = 0;
    let recall = 0;
    for (const [qid, rels] of qrels) {
      let hits: Awaited<ReturnType<Store['searchKeyword']>> = [];
      lat.push(await time(async () => (hits = await store.searchKeyword({ tenant: 'scifact', query: queries.get(qid)!, topK: 100 }))));
      const ids = hits.map((h) => h.document.id);
      ranked.push(hits.map((h) => `${h.document.id}:${h.score}`));
      ndcg += ndcgAtK({ ranked: ids, judgments: rels, k: 10 });
      recall += recallAtK({ ranked: ids, judgments: rels, k: 100 });
    }
    rankings.set(b.name, ranked);
    scifact[b.name] = { ndcg10: round(ndcg / qrels.size, 4), recall100: round(recall / qrels.size, 4), ingestDocsPerSec: round(writes.length / (ingestMs / 1000), 0), bm25: { p50Ms: round(pct(lat, 50)), p95Ms: round(pct(lat, 95)) } };
    await store.close();
    console.log(b.name, JSON.stringify(scifact[b.name]));
  }
  const base = rankings.get('sqlite')!;
  for (const [name, r] of rankings) {
    if (name === 'sqlite') continue;
    (scifact[name] as Record<string, unknown>).identicalToSqlite = `${r.filter((x, i) => JSON.stringify(x) === JSON.stringify(base[i])).length}/${base.length} queries: same top-100 ids and scores`;
  }
  result.scifact = { queries: qrels.size, documents: corpus.length, ...scifact };
} else {
  result.scifact = `skipped: SciFact not found at ${dataDir}`;
}

// 2. Latency and ingest throughput at N chunks.
result.synthetic = {};
for (const n of sizes) {
  const docs = syntheticDocs(n);
  const dims = docs[0]!.vectors![0]!.length;
  const queryTexts = syntheticQueries;
  const queryVectors = clusteredVectors(60, 99).map((v) => Float32Array.from(v));
  const out: Record<string, unknown> = { chunks: n, dims };
  for (const b of backends) {
    const store = await b.open();
    const batch = b.vectors ? docs : docs.map(({ vectors: _v, embeddingModel: _m, ...w }) => w);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const ingestMs = await time(async () => {
      for (let i = 0; i < batch.length; i += 250) {
        await store.commit({ tenant: 'bench', writes: batch.slice(i, i + 250) });
        // Progress, so a run stopped by its time bound still says how far the ingest got.
        if ((i / 250) % 20 === 19) console.log(`${n} ${b.name}: ${(i + 250) * 2} chunks ingested at ${Math.round((performance.now() - t0) / 1000)} s (load ${round(loadavg()[0]!, 1)})`);
      }
    });
    const cpu = process.cpuUsage(cpu0);
    await store.compact(); // ANALYZE on Postgres: planner statistics after the load
    console.log(`${n} ${b.name}: ingested in ${Math.round(ingestMs / 1000)} s, ANALYZE done`);
    const kw: number[] = [], vec: number[] = [], hyb: number[] = [], acl: number[] = [];
    for (let i = 0; i < queryTexts.length; i++) {
      kw.push(await time(() => store.searchKeyword({ tenant: 'bench', query: queryTexts[i]!, topK: 10 })));
      acl.push(await time(() => store.searchKeyword({ tenant: 'bench', query: queryTexts[i]!, topK: 10, filter: { team: 'red' }, principal: { id: 'user:x', groups: ['eng'] } })));
      if (!b.vectors) continue;
      vec.push(await time(() => store.searchVector({ tenant: 'bench', vector: queryVectors[i]!, topK: 10 })));
      hyb.push(await time(() => Promise.all([store.searchKeyword({ tenant: 'bench', query: queryTexts[i]!, topK: 50 }), store.searchVector({ tenant: 'bench', vector: queryVectors[i]!, topK: 50 })])));
    }
    const stat = (xs: number[]) => (xs.length ? { p50Ms: round(pct(xs, 50)), p95Ms: round(pct(xs, 95)) } : 'keyword-only (no pgvector)');
    out[b.name] = { ingestChunksPerSec: round(n / (ingestMs / 1000), 0), ingestWallSec: round(ingestMs / 1000, 1), ingestBenchProcessCpuSec: round((cpu.user + cpu.system) / 1e6, 1), loadavgAfterIngest: round(loadavg()[0]!, 1), bm25: stat(kw), bm25FilterAcl: stat(acl), vector: stat(vec), hybrid: stat(hyb) };
    console.log(n, b.name, JSON.stringify(out[b.name]));
    await store.close();
  }
  const ratio = (name: string, key: string) => {
    const a = (out[name] as Record<string, { p50Ms?: number }> | undefined)?.[key]?.p50Ms;
    const s = (out.sqlite as Record<string, { p50Ms?: number }>)[key]?.p50Ms;
    return a && s ? round(a / s, 1) : null;
  };
  out.p50RatioToSqlite = Object.fromEntries(backends.filter((b) => b.name !== 'sqlite').map((b) => [b.name, { bm25: ratio(b.name, 'bm25'), bm25FilterAcl: ratio(b.name, 'bm25FilterAcl'), vector: ratio(b.name, 'vector'), hybrid: ratio(b.name, 'hybrid') }]));
  (result.synthetic as Record<string, unknown>)[String(n)] = out;
}

await pglite?.stop();
await pg15?.stop();
const cpu = process.cpuUsage(started.cpu);
// Bench-process CPU includes PGlite (in-process WASM) and the client side of PostgreSQL 15 (its server runs in other processes).
result[sizes.length ? 'syntheticRun' : 'scifactRun'] = { at: started.at, sizes, backends: backends.map((b) => b.name), wallSec: round((performance.now() - started.wall) / 1000, 1), benchProcessCpuSec: round((cpu.user + cpu.system) / 1e6, 1), loadavgStart: started.loadavg, loadavgEnd: loadavg().map((x) => round(x, 1)) };
const file = process.env.BENCH_POSTGRES_OUT ?? join(here, 'results', 'postgres.json');
mkdirSync(dirname(file), { recursive: true });
// Runs of other sizes (or SciFact only, BENCH_POSTGRES_SIZES=) are merged into the file.
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
if (!sizes.length) result.synthetic = previous.synthetic;
else result.synthetic = { ...(previous.synthetic as object | undefined), ...(result.synthetic as object) };
if (typeof result.scifact === 'string' && typeof previous.scifact === 'object') result.scifact = previous.scifact;
if (!pglite && typeof previous.pglite === 'string') result.pglite = previous.pglite;
for (const key of Object.keys(previous)) if (!(key in result)) result[key] = previous[key]; // other benches' sections (hnsw, ingestPg15)
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${file}`);
