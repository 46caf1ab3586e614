/**
 * BM25 quality and latency on BEIR SciFact (test): commits the corpus through the SQLite store (title + "\n" +
 * text as one leaf chunk per document), runs the 300 test queries and reports nDCG@10 (trec_eval definition),
 * recall@100 and query latency. Writes bench/results/bm25-scifact.json.
 * Run: node --import tsx bench/bm25-scifact.ts
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import type { DocumentWrite } from '../src/spec/store.js';
import { sha256 } from '../src/util/hash.js';
import { shared } from './_cli.js';
import { readScifact } from './_scifact.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(shared, 'beir-scifact');
if (!existsSync(join(dataDir, 'corpus.jsonl'))) {
  console.log(`SciFact not found at ${dataDir}; skipping the BM25 benchmark.`);
  process.exit(0);
}

const { corpus, queries, qrels } = readScifact(dataDir);

const store = await createSqliteStore({ path: ':memory:' });
const tenant = 'scifact';
const ingestStart = performance.now();
for (let i = 0; i < corpus.length; i += 1000) {
  const writes: DocumentWrite[] = corpus.slice(i, i + 1000).map((d) => {
    const text = `${d.title}\n${d.text}`;
    return {
      document: { id: d._id!, source: `scifact#${d._id}`, title: d.title!, text, format: 'beir', metadata: {} },
      contentHash: sha256(text),
      chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 0, role: 'leaf' }],
      at: 0,
    };
  });
  await store.commit({ tenant, writes });
}
const ingestMs = performance.now() - ingestStart;

const ndcgAt = (ranked: string[], rels: Map<string, number>, k: number) => {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => (dcg += (rels.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...rels.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
};
const recallAt = (ranked: string[], rels: Map<string, number>, k: number) => {
  const relevant = [...rels].filter(([, g]) => g > 0).map(([id]) => id);
  const top = new Set(ranked.slice(0, k));
  return relevant.length ? relevant.filter((id) => top.has(id)).length / relevant.length : 0;
};

await store.searchKeyword({ tenant, query: 'warm up', topK: 1 }); // builds the in-memory index
const latencies: number[] = [];
let ndcg = 0, recall = 0;
for (const [qid, rels] of qrels) {
  const t0 = performance.now();
  const hits = await store.searchKeyword({ tenant, query: queries.get(qid) ?? '', topK: 100 });
  latencies.push(performance.now() - t0);
  const ranked = hits.map((h) => h.document.id);
  ndcg += ndcgAt(ranked, rels, 10);
  recall += recallAt(ranked, rels, 100);
}
await store.close();
latencies.sort((a, b) => a - b);
const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2));
const result = {
  dataset: 'beir-scifact/test',
  queries: qrels.size,
  documents: corpus.length,
  bm25: { k1: 0.9, b: 0.4 },
  ndcgAt10: Number((ndcg / qrels.size).toFixed(4)),
  recallAt100: Number((recall / qrels.size).toFixed(4)),
  reference: { lucene: { ndcgAt10: 0.6789, recallAt100: 0.9253 } },
  latencyMs: { p50: pct(0.5), p95: pct(0.95), topK: 100 },
  ingestMs: Math.round(ingestMs),
  node: process.version,
  at: new Date().toISOString(),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'bm25-scifact.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
