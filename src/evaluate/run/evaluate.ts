import type { PromptVariant } from '../../spec/answer.js';
import type { EvalItemResult, EvalMode, EvalRun, GoldenItem } from '../../spec/evaluation.js';
import type { Store } from '../../spec/store.js';
import { ANSWERER_REVISION } from '../../util/answerer-revision.js';
import { FathomError } from '../../util/errors.js';
import { generateId as defaultGenerateId } from '../../util/ids.js';
import { runPool } from '../../util/run-pool.js';
import type { ConstraintPredicate } from '../metrics/answer/index.js';
import { checkGoldenSources } from '../golden/check-golden-sources.js';
import { _evaluatePrompts } from './_evaluate-prompts.js';
import { _openResultCache } from './_result-cache.js';
import { _runOne } from './_run-one.js';
import { _stableHash } from './_stable-hash.js';
import { _summarize } from './_summarize.js';
import type { EvalJudges } from './_score-item.js';
import type { EvalPipeline } from './_run-one.js';

export type { EvalPipeline };

export type { EvalJudges };

/** Progress of {@link evaluate}: one event per finished (item, mode). */
export interface EvalProgress {
  done: number;
  total: number;
  /** Results taken from the cache. */
  cached: number;
  errors: number;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  items: readonly GoldenItem[];
  pipeline: EvalPipeline;
  /** @default ['closed-book', 'rag', 'oracle'] */
  modes?: readonly EvalMode[];
  /** Resolves oracle passages (document, chunk and span sources) and chunk sources for retrieval metrics. */
  store?: Store;
  /** Tenant of `store`. @default 'default' */
  tenant?: string;
  /** (item, mode) pairs answered at once. @default 2 */
  concurrency?: number;
  /** Where finished results are appended (one JSONL file per configuration hash) so a re-run skips them. */
  cacheDir?: string;
  /** Judge models; without them correctness, faithfulness and relevance are lexical. */
  judge?: EvalJudges;
  /** Metric names to keep in the results (all when omitted); `correct` is always computed. */
  metrics?: readonly string[];
  /** Retrieval depth of the pipeline (its topK): `@k` retrieval metrics are computed and named at min(k, depth). @default the item's retrieved count */
  retrievalDepth?: number;
  /** Line of each item in its file, by id (`readGoldenSet` gives it): named in errors about an item. */
  itemLines?: Readonly<Record<string, number>>;
  /**
   * What answers (`provider:modelId`, or `extractive`), recorded in the run. With `extractive` the closed-book
   * mode is not run and recorded as not measured: the extractive answerer has no knowledge of its own.
   * @default the model named by the answers (`Answer.model`)
   */
  answerer?: string;
  /** Functions for `predicate` constraints, by name. */
  predicates?: Record<string, ConstraintPredicate>;
  /** Resolved pipeline configuration (models, retrieval, prompt): recorded and hashed into the cache key. */
  config?: Record<string, unknown>;
  /** Versions to record (fathom, models, store schema). */
  versions?: Record<string, string>;
  /** Where the items came from (`readGoldenSet` gives both). @default { path: '', sha256: hash of the items } */
  dataset?: { path: string; sha256: string };
  /**
   * Prompt variants to evaluate side by side on the same items (the first is the baseline): the run's `results`
   * are the baseline's, `prompts` compares every variant with it (paired bootstrap). Each variant's id and hash are
   * recorded in the configuration. @default the pipeline's own prompt only
   */
  prompts?: readonly PromptVariant[];
  signal?: AbortSignal;
  onProgress?: (progress: EvalProgress) => void;
  /** Testing seam (`answererRevision` stands in for {@link ANSWERER_REVISION} in the cache key). */
  _internal?: { now?: () => number; perfNow?: () => number; generateId?: (prefix?: string) => string; answererRevision?: string };
}

/**
 * Runs every item in every mode — closed-book (`context: 'none'`), RAG (`'retrieve'`), oracle (the item's
 * expected sources as given passages) — with bounded concurrency, scores each answer (see `_scoreItem` for
 * the `correct` rule) and summarises per mode. Resumable: with `cacheDir`, results are keyed by (item id,
 * item content, mode) under the hash of the configuration, judges, store counts and answering code (`ANSWERER_REVISION`
 * and `versions.fathom`), and a re-run reuses them. With a
 * store, every expected document and chunk must exist before anything runs (INVALID_DATASET naming each item and line). A failing item becomes a
 * result with `error` and `correct: false`; the run goes on. Aborting throws INTERRUPTED after in-flight work.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvalRun> {
  if (options.prompts) {
    const { prompts, onProgress, ...rest } = options;
    if (options.answerer === 'extractive') throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Prompt variants need a generative model: the extractive answerer has no prompt. Set "generation" in fathom.config.json or pass --model.' });
    return _evaluatePrompts({
      variants: prompts, pipeline: options.pipeline, config: options.config ?? {},
      runOne: (pipeline, config, index) => evaluate({ ...rest, pipeline, config, onProgress: onProgress && ((p) => onProgress({ ...p, done: index * p.total + p.done, total: p.total * prompts.length })) }),
    });
  }
  const { items, pipeline, modes: requested = ['closed-book', 'rag', 'oracle'], store, tenant = 'default', concurrency = 2, cacheDir, judge = {}, metrics, predicates = {}, config = {}, versions = {}, signal, onProgress, _internal = {} } = options;
  const { now = Date.now, perfNow = () => performance.now(), generateId = defaultGenerateId, answererRevision = ANSWERER_REVISION } = _internal;
  _validate(items, requested, concurrency, predicates);
  const notMeasured: Partial<Record<EvalMode, string>> = {};
  if (options.answerer === 'extractive' && requested.includes('closed-book') && requested.length > 1) notMeasured['closed-book'] = 'not measured: the extractive answerer has no knowledge of its own (it only quotes sources)';
  const modes = requested.filter((m) => !notMeasured[m]);
  if (store) await checkGoldenSources({ items, store, tenant, lines: options.itemLines, source: options.dataset?.path });
  const judges = Object.fromEntries(Object.entries(judge).filter(([, j]) => j).map(([k, j]) => [k, { model: j!.model, promptId: j!.promptId }]));
  // The store's size is part of the key: re-ingesting changes retrieval, so cached answers must not be reused.
  const storeState = store ? await store.countDocuments({ tenant }) : undefined;
  // So is the code that answers and scores: an upgrade must not reuse answers the old code gave (ANSWERER_REVISION).
  const code = { answererRevision, fathom: versions.fathom ?? null };
  const configHash = _stableHash({ config, judges, predicates: Object.keys(predicates).sort(), storeState, code });
  const cache = _openResultCache(cacheDir, configHash);
  const tasks = items.flatMap((item) => modes.map((mode) => ({ item, mode, key: `${item.id}\t${mode}\t${_stableHash(item)}` })));
  const results: EvalItemResult[] = new Array(tasks.length);
  const progress: EvalProgress = { done: 0, total: tasks.length, cached: 0, errors: 0 };
  await runPool({ count: tasks.length, concurrency, signal, task: async (i) => {
    const { item, mode, key } = tasks[i]!;
    let result = cache.get(key);
    if (result) progress.cached++;
    else {
      result = await _runOne({ item, mode, pipeline, store, tenant, judges: judge, predicates, retrievalDepth: options.retrievalDepth, signal, perfNow });
      if (signal?.aborted && result.error) return false;
      cache.put(key, result);
    }
    results[i] = metrics ? { ...result, metrics: _pick(result.metrics, metrics) } : result;
    if (result.error) progress.errors++;
    progress.done++;
    onProgress?.({ ...progress });
  } });
  if (signal?.aborted) {
    throw new FathomError({ code: 'INTERRUPTED', message: `Evaluation interrupted after ${progress.done} of ${progress.total} results${cacheDir ? `; re-run to resume from ${cacheDir}` : ''}.`, details: { done: progress.done, total: progress.total } });
  }
  return {
    id: generateId('eval-'),
    createdAt: now(),
    dataset: { ...(options.dataset ?? { path: '', sha256: _stableHash(items) }), items: items.length },
    modes: [...modes],
    answerer: options.answerer ?? _answerer(results),
    ...(Object.keys(notMeasured).length ? { notMeasured } : {}),
    config: { ...config, judges, concurrency },
    configHash,
    versions: { ...versions, answererRevision },
    results,
    items: [...items],
    summary: _summarize(results, items, modes),
  };
}

function _validate(items: readonly GoldenItem[], modes: readonly EvalMode[], concurrency: number, predicates: Record<string, ConstraintPredicate>): void {
  const bad = modes.filter((m) => !['closed-book', 'rag', 'oracle'].includes(m));
  if (modes.length === 0 || bad.length) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Evaluation modes must be closed-book, rag or oracle; got ${modes.length ? bad.join(', ') : 'none'}.` });
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `'concurrency' must be a positive integer, got ${concurrency}.` });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new FathomError({ code: 'INVALID_DATASET', message: `Duplicate golden item id '${item.id}': ids must be unique.` });
    ids.add(item.id);
    for (const c of item.constraints ?? []) {
      if (c.type === 'predicate' && !predicates[c.name]) {
        throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Item '${item.id}' uses constraint predicate '${c.name}', which is not defined: pass it in 'predicates'.`, details: { itemId: item.id } });
      }
    }
  }
}

/** The model most answers name (`Answer.model`); undefined when none answered. */
function _answerer(results: readonly EvalItemResult[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of results) if (!r.error && r.answer.model) counts.set(r.answer.model, (counts.get(r.answer.model) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function _pick(values: EvalItemResult['metrics'], keep: readonly string[]): EvalItemResult['metrics'] {
  return Object.fromEntries(Object.entries(values).filter(([k]) => k === 'correct' || keep.includes(k)));
}

