/**
 * SciFact (BEIR, 300 test queries) on PGlite with both keyword modes of the Postgres store: `postings` (Lucene BM25
 * in SQL, identical to SQLite) and `pg_textsearch` (the extension's per-tenant bm25 index, english configuration,
 * same k1/b): nDCG@10, recall@100, BM25 p50/p95, ingest docs/s, and how many top-10 lists agree. Writes
 * bench/results/postgres.json (section `textsearch`, merged). BENCH_SCIFACT_DOCS=N: the first N documents plus every
 * judged one (queries keep their qrels; say so when reporting).
 *   node --import tsx bench/postgres-textsearch.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hit } from '../src/spec/hit.js';
import type { DocumentWrite } from '../src/spec/store.js';
import { createPostgresStore } from '../src/store/postgres/index.js';
import { startPglite } from '../src/testing/postgres/start-pglite.js';
import { sha256 } from '../src/util/hash.js';
import { readScifact } from './_scifact.js';
import { ndcgAtK } from '../src/evaluate/metrics/retrieval/ndcg-at-k.js';
import { recallAtK } from '../src/evaluate/metrics/retrieval/recall-at-k.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = [join(here, '..', '..', 'shared', 'data', 'beir-scifact'), join(here, '..', '..', '..', 'shared', 'data', 'beir-scifact')].find((d) => existsSync(join(d, 'corpus.jsonl')));
if (!dataDir) {
  console.log('postgres-textsearch: skipped, SciFact not found (../shared/data/beir-scifact)');
  process.exit(0);
}
const { corpus, queries, qrels } = readScifact(dataDir);
const limit = Number(process.env.BENCH_SCIFACT_DOCS ?? 0);
const judged = new Set([...qrels.values()].flatMap((m) => [...m.keys()]));
const docs = limit ? corpus.filter((d, i) => i < limit || judged.has(d._id!)) : corpus;
const writes: DocumentWrite[] = docs.map((d) => {
  const text = `${d.title}\n${d.text}`;
  return { document: { id: d._id!, source: `scifact#${d._id}`, title: d.title!, text, format: 'beir', metadata: {} }, contentHash: sha256(text), chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 0, role: 'leaf' }], at: 0 };
});
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const started = { at: new Date().toISOString(), loadavg: loadavg().map((x) => round(x, 1)) };
const server = await startPglite({ textsearch: true });
const out: Record<string, unknown> = { documents: writes.length, queries: qrels.size, subset: limit ? `first ${limit} documents + every judged one` : 'full corpus' };
const tops = new Map<string, string[][]>();
for (const keyword of ['postings', 'pg_textsearch'] as const) {
  const store = await createPostgresStore({ connectionString: server.connectionString, schema: `scifact_${keyword}`, maxConnections: 1, keyword });
  const t0 = performance.now();
  for (let i = 0; i < writes.length; i += 250) await store.commit({ tenant: 'scifact', writes: writes.slice(i, i + 250) });
  const ingestMs = performance.now() - t0;
  await store.compact();
  console.error(`${keyword}: ingested ${writes.length} in ${Math.round(ingestMs / 1000)} s`);
  let ndcg = 0, recall = 0;
  const lat: number[] = [];
  const top: string[][] = [];
  for (const [qid, rels] of qrels) {
    const t = performance.now();
    const hits: Hit[] = await store.searchKeyword({ tenant: 'scifact', query: queries.get(qid)!, topK: 100 });
    lat.push(performance.now() - t);
    const ids = hits.map((h) => h.document.id);
    top.push(ids.slice(0, 10));
    ndcg += ndcgAtK({ ranked: ids, judgments: rels, k: 10 });
    recall += recallAtK({ ranked: ids, judgments: rels, k: 100 });
  }
  tops.set(keyword, top);
  out[keyword] = { ndcg10: round(ndcg / qrels.size), recall100: round(recall / qrels.size), ingestDocsPerSec: Math.round(writes.length / (ingestMs / 1000)), bm25: { p50Ms: round(pct(lat, 50), 2), p95Ms: round(pct(lat, 95), 2) } };
  console.error(keyword, JSON.stringify(out[keyword]));
  await store.close();
}
await server.stop();
const [a, b] = [tops.get('postings')!, tops.get('pg_textsearch')!];
out.sameTop10 = `${a.filter((x, i) => JSON.stringify(x) === JSON.stringify(b[i])).length}/${a.length} queries`;
out.meanTop10Overlap = round(a.reduce((s, x, i) => s + x.filter((id) => b[i]!.includes(id)).length / Math.max(1, x.length), 0) / a.length, 3);
out.run = { ...started, loadavgEnd: loadavg().map((x) => round(x, 1)), command: `${limit ? `BENCH_SCIFACT_DOCS=${limit} ` : ''}node --import tsx bench/postgres-textsearch.ts`, backend: 'PGlite 0.5.14 (Postgres 18, WASM) + pg_textsearch 1.5.1, through pg over pglite-socket' };
const file = process.env.BENCH_POSTGRES_OUT ?? join(here, 'results', 'postgres.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(file, `${JSON.stringify({ ...previous, textsearch: out }, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
