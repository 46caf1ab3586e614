/**
 * HNSW recall on PGlite (pgvector 0.8 through `pg`): N clustered 24-d vectors (12 clusters, the conformance
 * generator) in one tenant, the per-tenant HNSW index built by the store at the threshold, then recall@10 of
 * Q queries against exact cosine top-10 computed here, unfiltered and with a selective ACL (1 in 10 documents
 * readable), with p50/p95 latency. Bounded: N=2000 by default (BENCH_HNSW_N). Merges `hnsw` into
 * bench/results/postgres.json. Run: node --import tsx bench/postgres-hnsw.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentWrite } from '../src/spec/store.js';
import pg from 'pg';
import { createPostgresStore } from '../src/store/postgres/index.js';
import { startPglite } from '../src/testing/postgres/start-pglite.js';
import { clusteredVectors } from '../src/testing/store/approximate-cases.js';
import { sha256 } from '../src/util/hash.js';

const here = dirname(fileURLToPath(import.meta.url));
const n = Number(process.env.BENCH_HNSW_N ?? 2000);
const q = 50;
const k = 10;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / (norm(a) * norm(b));

const vectors = clusteredVectors(n, 7);
const queries = clusteredVectors(q, 99);
const readable = (i: number) => i % 10 === 0;
const writes: DocumentWrite[] = vectors.map((v, i) => {
  const text = `doc ${i}`;
  return {
    document: { id: `d${i}`, source: `d${i}`, title: text, text, format: 'text', metadata: {} },
    contentHash: sha256(text), chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 2, role: 'leaf' }],
    vectors: [Float32Array.from(v)], embeddingModel: 'synthetic', at: 0,
    acl: { principals: [readable(i) ? 'user:few' : 'user:many'], groups: [] },
  };
});
const exact = (query: number[], allowed: (i: number) => boolean) =>
  vectors.map((v, i) => ({ i, s: cosine(query, v) })).filter((x) => allowed(x.i)).sort((a, b) => b.s - a.s).slice(0, k).map((x) => `d${x.i}`);

const pglite = await startPglite();
const pool = new pg.Pool({ connectionString: pglite.connectionString, max: 1, idleTimeoutMillis: 0 });
const store = await createPostgresStore({ pool, schema: `bench_hnsw_${Date.now()}`, hnswThreshold: n });
const t0 = performance.now();
for (let i = 0; i < writes.length; i += 250) await store.commit({ tenant: 'bench', writes: writes.slice(i, i + 250) });
const ingestMs = performance.now() - t0;
const measure = async (principal?: { id: string }) => {
  let recall = 0;
  const lat: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    const hits = await store.searchVector({ tenant: 'bench', vector: Float32Array.from(query), topK: k, ...(principal ? { principal } : {}) });
    lat.push(performance.now() - t);
    const truth = exact(query, principal ? readable : () => true);
    recall += hits.filter((h) => truth.includes(h.document.id)).length / truth.length;
  }
  return { recallAt10: round(recall / q, 4), p50Ms: round(pct(lat, 50)), p95Ms: round(pct(lat, 95)) };
};
const hnsw = {
  vectors: n, dims: 24, queries: q, index: 'per-tenant partial HNSW (vector_cosine_ops, m=16, ef_construction=64), ef_search=40, iterative_scan=relaxed_order',
  ingestAndBuildSec: round(ingestMs / 1000, 1),
  plannerChoice: { unfiltered: await measure(), acl1in10: await measure({ id: 'user:few' }) },
  forcedIndex: await (async () => {
    await pool.query('SET enable_seqscan = off'); // the one pooled connection: the store's searches now take the HNSW path
    return { unfiltered: await measure(), acl1in10: await measure({ id: 'user:few' }) };
  })(),
  note: 'PGlite (WASM, one connection) on a loaded 2-core machine; exact top-10 computed in JS. plannerChoice: the store statements as planned by the server (plans not inspected per query); forcedIndex: enable_seqscan=off on the connection, every search on the HNSW index.',
};
await store.close();
await pool.end();
await pglite.stop();
const file = join(here, 'results', 'postgres.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(file, `${JSON.stringify({ ...previous, hnsw }, null, 2)}\n`);
console.log(JSON.stringify(hnsw, null, 2));
