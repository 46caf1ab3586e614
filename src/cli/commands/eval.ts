import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { evaluateBeir } from '../../evaluate/beir/evaluate-beir.js';
import { compareRuns, createJudge, evaluate, formatComparison, formatRunSummary, generateTestSet, importBeir, importSquad, readGoldenSet, writeGoldenSet } from '../../evaluate/run-index.js';
import type { EvalPipeline } from '../../evaluate/run-index.js';
import { answer } from '../../generate/index.js';
import { recordExport } from '../../ingest/index.js';
import type { EvalMode } from '../../spec/evaluation.js';
import type { RetrievalMode } from '../../spec/retrieve.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { FathomError } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';
import { buildChatModel, buildChunker, buildEmbedder, buildReranker } from '../build.js';
import { commonArgs } from '../common-args.js';
import { cliContext, withStore } from '../context.js';
import { emit } from '../io.js';
import { repeated } from '../repeated.js';
import { readEvalRun } from '../read-eval-run.js';
import { rules } from '../options/option-schema.js';
import { sufficiencyOptions } from '../sufficiency-options.js';

const beir = defineCommand({
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

const noChatModel = (what: string) =>
  new FathomError({ code: 'INVALID_CONFIG', message: `${what} needs a chat model: set "generation" in fathom.config.json or pass --model llama-cpp:<file.gguf> | openai-compatible:<model> | anthropic:<model>.` });

const run = defineCommand({
  meta: { name: 'run', description: 'Answer every golden item closed-book, with RAG and with the oracle passages; write the run artifact and print a summary' },
  args: {
    ...commonArgs,
    golden: { type: 'positional', description: 'Golden set (JSONL, schemas/golden-item.schema.json)', required: true },
    modes: { type: 'string', description: 'Comma-separated: closed-book,rag,oracle', default: 'closed-book,rag,oracle' },
    out: { type: 'string', description: 'Also write the run JSON here (always written to .fathom/runs/eval-<id>.json)', valueHint: 'path' },
    model: { type: 'string', description: 'Generation model: llama-cpp:<gguf>, openai-compatible:<model>, anthropic:<model>, extractive (default: config generation, else extractive)' },
    judge: { type: 'string', description: 'Judge model (same syntax) for correctness, faithfulness and relevance' },
    'judge-runs': { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 20 }, description: 'Times each judge verdict is sampled (agreement is reported)', default: '1' },
    concurrency: { type: 'string', schema: rules.concurrency, description: 'Answers in flight (default 2)' },
    'min-sufficiency': { type: 'string', schema: rules.unitInterval, description: 'Abstain below this sufficiency score, in [0, 1] (default: config answer.minSufficiency)', valueHint: 'x' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const sufficiency = sufficiencyOptions(c.config, ctx.args['min-sufficiency']);
    const model = await buildChatModel(c.config, c.io, ctx.args.model as string | undefined);
    const judgeModel = ctx.args.judge ? await buildChatModel(c.config, c.io, String(ctx.args.judge)) : undefined;
    if (ctx.args.judge && !judgeModel) throw noChatModel('--judge');
    const runs = Number(ctx.args['judge-runs']);
    const judge = judgeModel
      ? { correctness: createJudge({ model: judgeModel, rubric: 'correctness', runs }), faithfulness: createJudge({ model: judgeModel, rubric: 'faithfulness', runs }), relevance: createJudge({ model: judgeModel, rubric: 'relevance', runs }) }
      : undefined;
    const modes = String(ctx.args.modes).split(',').map((m) => m.trim()).filter(Boolean).map((m) => (m === 'closed' ? 'closed-book' : m)) as EvalMode[];
    const golden = await readGoldenSet({ path: resolve(c.io.cwd, String(ctx.args.golden)) });
    const runsDir = join(resolve(c.storePath, '..'), 'runs');
    const config = { answerer: model ? `${model.provider}:${model.modelId}` : 'extractive', judge: judgeModel ? `${judgeModel.provider}:${judgeModel.modelId}` : null, retrieval: { mode: c.config.search.mode, topK: c.config.search.topK }, minSufficiency: sufficiency.minSufficiency, sufficiencyModel: sufficiency.model ?? 'default', store: c.storePath, tenant: c.tenant };
    return withStore(c, async (store) => {
      const pipeline: EvalPipeline = {
        answer: (o) => answer({ store, tenant: c.tenant, model, question: o.question, context: o.context, responseFormat: o.responseFormat, retrieval: { topK: c.config.search.topK, sufficiency: sufficiency.model }, abstention: { minSufficiency: sufficiency.minSufficiency }, log: false, signal: o.signal }),
      };
      const result = await evaluate({
        items: golden.items, pipeline, modes, store, tenant: c.tenant, config, judge, dataset: { path: golden.path, sha256: golden.sha256 },
        itemLines: golden.lines, retrievalDepth: c.config.search.topK, answerer: config.answerer,
        concurrency: ctx.args.concurrency ? Number(ctx.args.concurrency) : 2, cacheDir: join(resolve(c.storePath, '..'), 'cache', 'eval'),
        versions: { node: process.version, fathom: _version() }, signal: c.io.signal,
        onProgress: c.io.isTTY ? (p) => c.io.err(`\r\x1b[2Keval: ${p.done}/${p.total}${p.cached ? ` (${p.cached} cached)` : ''}`) : undefined,
      });
      if (c.io.isTTY) c.io.err('\n');
      const path = join(runsDir, `${result.id}.json`);
      _writeJson(path, result);
      _writeJson(join(runsDir, `${result.id}.manifest.json`), { runId: result.id, createdAt: result.createdAt, dataset: result.dataset, modes: result.modes, config: result.config, configHash: result.configHash, versions: result.versions });
      if (ctx.args.out) {
        _writeJson(resolve(c.io.cwd, String(ctx.args.out)), result);
        await recordExport({ store, tenant: c.tenant, path: resolve(c.io.cwd, String(ctx.args.out)), kind: 'eval-run' }); // named as not managed by a later `docs delete`
      }
      emit(c.io, c.json, { id: result.id, path, dataset: result.dataset, summary: result.summary }, () => `${result.id} · ${golden.items.length} items · ${path}\n${formatRunSummary(result)}`);
      return 0;
    });
  },
});

const compare = defineCommand({
  meta: { name: 'compare', description: 'Compare two runs: per-metric deltas with paired bootstrap 95% CIs; exit 1 when a --fail-if gate fails' },
  args: {
    ...commonArgs,
    a: { type: 'positional', description: 'Baseline run JSON', required: true },
    b: { type: 'positional', description: 'Candidate run JSON', required: true },
    'fail-if': { type: 'string', description: 'Gate on the delta b − a, e.g. "faithfulness < -0.02" or "rag:recall@5 < -0.05" (repeatable)' },
    'gate-on': { type: 'string', schema: { enum: ['delta', 'ci'] }, description: 'delta (point estimate, default) or ci (the whole 95% interval must breach)', default: 'delta' },
    samples: { type: 'string', schema: { type: 'integer', minimum: 100, maximum: 1_000_000 }, description: 'Bootstrap resamples (default 2000)' },
    seed: { type: 'string', schema: rules.seed, description: 'Bootstrap seed (default 0)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const gates = repeated(ctx.rawArgs, 'fail-if') ?? [];
    const gateOn = String(ctx.args['gate-on']);
    if (gateOn !== 'delta' && gateOn !== 'ci') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--gate-on must be delta or ci, got "${gateOn}".` });
    const result = compareRuns({
      a: readEvalRun(c, String(ctx.args.a)).run, b: readEvalRun(c, String(ctx.args.b)).run, gates, gateOn,
      bootstrap: { samples: ctx.args.samples ? Number(ctx.args.samples) : undefined, seed: ctx.args.seed ? Number(ctx.args.seed) : undefined },
    });
    emit(c.io, c.json, result, () => formatComparison(result));
    return result.failedGates.length > 0 ? 1 : 0;
  },
});

const validate = defineCommand({
  meta: { name: 'validate', description: 'Check a golden set against schemas/golden-item.schema.json (every error with its line)' },
  args: { ...commonArgs, golden: { type: 'positional', description: 'Golden set (JSONL)', required: true } },
  async run(ctx) {
    const c = cliContext(ctx);
    const set = await readGoldenSet({ path: resolve(c.io.cwd, String(ctx.args.golden)) });
    const unanswerable = set.items.filter((i) => !i.answerable).length;
    emit(c.io, c.json, { path: set.path, sha256: set.sha256, items: set.items.length, unanswerable }, () => `${set.path}: ${set.items.length} valid items (${unanswerable} unanswerable)`);
    return 0;
  },
});

const importCmd = defineCommand({
  meta: { name: 'import', description: 'Convert BEIR (directory) or SQuAD 2.0 (questions.jsonl) data into a golden set' },
  args: {
    ...commonArgs,
    kind: { type: 'positional', schema: { enum: ['beir', 'squad'] }, description: 'beir | squad', required: true },
    path: { type: 'positional', description: 'BEIR directory or SQuAD questions.jsonl', required: true },
    out: { type: 'string', description: 'Golden set to write', required: true, valueHint: 'path' },
    split: { type: 'string', description: 'BEIR qrels split', default: 'test' },
    'max-answerable': { type: 'string', schema: rules.count, description: 'SQuAD: keep at most N answerable questions' },
    'max-unanswerable': { type: 'string', schema: rules.count, description: 'SQuAD: keep at most N unanswerable questions' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const kind = String(ctx.args.kind);
    const path = resolve(c.io.cwd, String(ctx.args.path));
    const num = (v: unknown) => (v === undefined ? undefined : Number(v));
    const items = kind === 'beir' ? await importBeir({ dir: path, split: String(ctx.args.split) })
      : kind === 'squad' ? await importSquad({ path, maxAnswerable: num(ctx.args['max-answerable']), maxUnanswerable: num(ctx.args['max-unanswerable']) })
      : undefined;
    if (!items) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown import kind "${kind}": use beir or squad.` });
    const out = resolve(c.io.cwd, String(ctx.args.out));
    await writeGoldenSet({ path: out, items });
    emit(c.io, c.json, { out, items: items.length }, () => `wrote ${items.length} items to ${out}`);
    return 0;
  },
});

const generate = defineCommand({
  meta: { name: 'generate', description: 'Write a synthetic golden set from the stored documents, with a review file' },
  args: {
    ...commonArgs,
    count: { type: 'string', schema: { type: 'integer', minimum: 1, maximum: 100_000 }, description: 'Single-document questions', default: '20' },
    out: { type: 'string', description: 'Golden set to write (review file next to it)', required: true, valueHint: 'path' },
    unanswerable: { type: 'string', schema: rules.count, description: 'Unanswerable look-alike questions (default: count / 5)' },
    'multi-doc': { type: 'string', schema: rules.count, description: 'Two-document questions (default: count / 5)' },
    seed: { type: 'string', schema: rules.seed, description: 'Sampling seed', default: '0' },
    model: { type: 'string', description: 'Question-writing model (default: config generation)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const model = await buildChatModel(c.config, c.io, ctx.args.model as string | undefined);
    if (!model) throw noChatModel('`fathom eval generate`');
    const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));
    const out = resolve(c.io.cwd, String(ctx.args.out));
    const result = await withStore(c, (store) => generateTestSet({
      store, tenant: c.tenant, model, out, count: Number(ctx.args.count), unanswerable: num(ctx.args.unanswerable), multiDoc: num(ctx.args['multi-doc']), seed: Number(ctx.args.seed), signal: c.io.signal,
    }));
    emit(c.io, c.json, { out, items: result.items.length, files: result.files, warnings: result.warnings, usage: result.usage }, () =>
      [`wrote ${result.items.length} items to ${out}`, ...(result.files ? [`review them in ${result.files.review} (tick the boxes to keep)`] : []), ...result.warnings.map((w) => `warning: ${w.message}`)].join('\n'));
    return 0;
  },
});

export const evalCommand = defineCommand({
  meta: { name: 'eval', description: 'Evaluate retrieval and answers' },
  subCommands: { beir, run, compare, validate, import: importCmd, generate },
});

function _writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every value of a repeatable flag (citty keeps only the last). */
function _version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
