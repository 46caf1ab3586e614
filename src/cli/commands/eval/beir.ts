import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { evaluateBeir } from '../../../evaluate/beir/evaluate-beir.js';
import type { RetrievalMode } from '../../../spec/retrieve.js';
import { createSqliteStore } from '../../../store/sqlite/index.js';
import { FathomError } from '../../../util/errors.js';
import { sha256 } from '../../../util/hash.js';
import { buildChunker, buildEmbedder, buildReranker } from '../../build.js';
import { commonArgs } from '../../common-args.js';
import { cliContext } from '../../context.js';
import { emit } from '../../io.js';
import { rules } from '../../options/option-schema.js';

export const beirCommand = defineCommand({
  meta: { name: 'beir', description: 'Retrieval quality on a BEIR-format directory (nDCG@10, recall@10/100, MRR@10, MAP@100, latency)' },
  args: {
    ...commonArgs,
    dir: { type: 'positional', description: 'BEIR directory: corpus.jsonl, queries.jsonl, qrels/<split>.tsv', required: true },
    split: { type: 'string', description: 'qrels split', default: 'test' },
    mode: { type: 'string', schema: rules.retrievalMode, description: 'bm25 | vector | hybrid', default: 'bm25' },
    rerank: { type: 'boolean', description: 'Rerank the top 100 with the configured reranker' },
    k1: { type: 'string', schema: { type: 'number', minimum: 0, maximum: 100 }, description: 'BM25 k1 (default 0.9)' },
    b: { type: 'string', schema: rules.unitInterval, description: 'BM25 b (default 0.4)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const dir = resolve(c.io.cwd, String(ctx.args.dir));
    const mode = String(ctx.args.mode) as RetrievalMode;
    if (!['bm25', 'vector', 'hybrid'].includes(mode)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--mode must be bm25, vector or hybrid, got "${mode}".` });
    const embedder = mode === 'bm25' ? undefined : await buildEmbedder(c.config, c.io);
    if (mode !== 'bm25' && !embedder) throw new FathomError({ code: 'INVALID_CONFIG', message: `--mode ${mode} needs an embedding model: set "embedding" in fathom.config.json (see \`fathom init\`).` });
    const reranker = ctx.args.rerank ? await buildReranker(c.config, c.io) : undefined;
    const chunker = await buildChunker({ ...c.config.ingest.chunker, maxTokens: 8192 }, embedder);
    const cacheDir = join(resolve(c.storePath, '..'), 'cache', 'beir');
    mkdirSync(cacheDir, { recursive: true });
    // Keyed by the full resolved path: two data sets both named `rag/` must never share a scratch store.
    const store = await createSqliteStore({ path: join(cacheDir, `${basename(dir)}-${sha256(dir).slice(0, 16)}.db`) });
    const bm25 = ctx.args.k1 === undefined && ctx.args.b === undefined ? undefined : { k1: ctx.args.k1 === undefined ? undefined : Number(ctx.args.k1), b: ctx.args.b === undefined ? undefined : Number(ctx.args.b) };
    try {
      const result = await evaluateBeir({
        dir, split: String(ctx.args.split), store, chunker, mode, embedder, reranker, bm25, signal: c.io.signal,
        onProgress: c.io.isTTY ? (p) => c.io.err(`\r\x1b[2K${p.phase}: ${p.done}${p.total ? `/${p.total}` : ''}`) : undefined,
      });
      if (c.io.isTTY) c.io.err('\n');
      const { run: _run, perQuery: _pq, ...summary } = result;
      emit(c.io, c.json, summary, () => [
        `${summary.dataset} (${summary.split}, ${summary.queries} queries, mode ${summary.mode}${reranker ? ' + rerank' : ''})`,
        ...Object.entries(summary.metrics).map(([k, v]) => `  ${k.padEnd(12)} ${v.toFixed(4)}`),
        `  latency p50 ${summary.latency_ms.p50.toFixed(1)} ms, p95 ${summary.latency_ms.p95.toFixed(1)} ms`,
        `  corpus ${summary.corpus.documents} documents, ${summary.corpus.chunks} chunks (${summary.corpus.cached ? 'cached' : `ingested in ${summary.corpus.ingestSeconds.toFixed(1)} s`})`,
      ].join('\n'));
      return 0;
    } finally {
      await store.close();
    }
  },
});
