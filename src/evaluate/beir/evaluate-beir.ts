/**
 * evaluateBeir(): ingest a BEIR corpus into a store (incremental: unchanged documents are skipped by content
 * hash, and a whole-corpus hash short-cuts even that), run every judged query of a split through `retrieve()`,
 * and score the run with trec_eval definitions.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { ingest } from '../../ingest/index.js';
import { retrieve } from '../../retrieve/index.js';
import type { Chunker } from '../../spec/chunker.js';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import type { Run, RunEntry } from '../../spec/qrels.js';
import type { FusionOptions, RetrievalMode } from '../../spec/retrieve.js';
import type { Reranker } from '../../spec/reranker.js';
import type { Store } from '../../spec/store.js';
import { evaluateRun } from '../metrics/retrieval/index.js';
import { beirPaths, readBeirQrels, readBeirQueries } from './read-beir.js';

export interface EvaluateBeirOptions {
  /** BEIR directory (corpus.jsonl, queries.jsonl, qrels/). */
  dir: string;
  /** @default 'test' */
  split?: string;
  store: Store;
  /** @default 'beir' */
  tenant?: string;
  chunker: Chunker;
  /** @default 'bm25' */
  mode?: RetrievalMode;
  embedder?: EmbeddingModel;
  reranker?: Reranker;
  /** Candidates sent to the reranker. @default 100 */
  rerankTopN?: number;
  fusion?: FusionOptions;
  bm25?: { k1?: number; b?: number };
  /** Depth of the run per query. @default 100 */
  depth?: number;
  /** @default ['ndcg@10', 'recall@10', 'recall@100', 'mrr@10', 'map@100'] */
  metrics?: string[];
  onProgress?: (p: { phase: 'ingest' | 'query'; done: number; total?: number }) => void;
  signal?: AbortSignal;
}

/** The stable JSON contract of `fathom eval beir --json`. */
export interface BeirResult {
  dataset: string;
  split: string;
  mode: RetrievalMode;
  queries: number;
  metrics: Record<string, number>;
  latency_ms: { p50: number; p95: number; mean: number };
  corpus: { documents: number; chunks: number; ingestSeconds: number; cached: boolean };
  config: Record<string, unknown>;
}

export async function evaluateBeir(options: EvaluateBeirOptions): Promise<BeirResult & { run: Run; perQuery: Record<string, Record<string, number>> }> {
  const { dir, split = 'test', store, tenant = 'beir', chunker, mode = 'bm25', embedder, reranker, rerankTopN = 100, fusion, bm25, depth = 100, signal } = options;
  const paths = beirPaths({ dir, split });
  const cacheKey = `beir:${await fileHash(paths.corpus)}:${chunker.name}:${embedder ? `${embedder.provider}/${embedder.modelId}` : 'none'}`;
  const t0 = performance.now();
  const cached = (await store.getMeta({ tenant, key: cacheKey })) === 'complete';
  if (!cached) {
    const report = await ingest({
      store, tenant, paths: [paths.corpus], cwd: dir, chunker, embedder, signal,
      dedup: { policy: 'keep', near: false }, batchSize: 256,
      onProgress: (p) => options.onProgress?.({ phase: 'ingest', done: p.documents }),
    });
    if (!report.interrupted) await store.setMeta({ tenant, key: cacheKey, value: 'complete' });
  }
  const ingestSeconds = (performance.now() - t0) / 1000;
  const counts = await store.countDocuments({ tenant });

  const qrels = await readBeirQrels(paths.qrels);
  const queries = await readBeirQueries({ path: paths.queries, wanted: new Set(qrels.keys()) });
  const run: Run = new Map();
  const latencies: number[] = [];
  let done = 0;
  for (const [queryId, text] of queries) {
    if (signal?.aborted) break;
    const started = performance.now();
    const { hits } = await retrieve({
      store, tenant, query: text, mode, embedder, fusion, bm25,
      topK: depth * 2, candidates: Math.max(depth * 2, rerankTopN),
      reranker: reranker ? { model: reranker, topN: rerankTopN } : undefined,
    });
    latencies.push(performance.now() - started);
    const entries: RunEntry[] = [];
    const seen = new Set<string>();
    for (const hit of hits) {
      if (seen.has(hit.document.id)) continue;
      seen.add(hit.document.id);
      entries.push({ docId: hit.document.id, score: hit.score });
      if (entries.length === depth) break;
    }
    run.set(queryId, entries);
    options.onProgress?.({ phase: 'query', done: ++done, total: queries.size });
  }
  const scored = evaluateRun({ run, qrels, metrics: options.metrics });
  return {
    dataset: basename(dir),
    split,
    mode,
    queries: scored.queries,
    metrics: scored.mean,
    latency_ms: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length) },
    corpus: { documents: counts.documents, chunks: counts.chunks, ingestSeconds, cached },
    config: { chunker: chunker.name, embedder: embedder?.modelId ?? null, reranker: reranker?.modelId ?? null, fusion: fusion ?? null, bm25: bm25 ?? { k1: 0.9, b: 0.4 }, depth },
    run,
    perQuery: scored.perQuery,
  };
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}
