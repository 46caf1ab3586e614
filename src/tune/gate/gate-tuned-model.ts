import type { ChatModel } from '../../spec/chat-model.js';
import type { EvalMode, EvalRun, GoldenItem, RunComparison } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';
import { _defaultEvaluation, type GateEvaluation } from './_gate-evaluation.js';
import { _gatePipeline } from './_gate-pipeline.js';

/** Allowed change (tuned − base) per check; a check fails below it. */
export interface TuneGateThresholds {
  /** Golden set, `format_consistency`. @default -0.02 */
  formatConsistency?: number;
  /** Golden set, `constraint_adherence`. @default -0.02 */
  constraintAdherence?: number;
  /** Golden set, `token_f1`. @default -0.02 */
  answerF1?: number;
  /** Regression set (closed-book), `token_f1`. @default -0.02 */
  regression?: number;
}

/** Options of {@link gateTunedModel}. */
export interface GateTunedModelOptions {
  base: ChatModel;
  tuned: ChatModel;
  /** Behaviour items (format, constraints, answers), answered with their given context. */
  golden: readonly GoldenItem[];
  /** General capability items (closed-book QA), answered without context. */
  regression?: readonly GoldenItem[];
  thresholds?: TuneGateThresholds;
  /** How golden items are answered: `oracle` gives each item's passages (behaviour is what tuning changes). @default 'oracle' */
  mode?: 'oracle' | 'closed-book';
  /**
   * What a check tests. `delta` (default): the point estimate of the paired mean difference — any observed
   * regression beyond the threshold fails (strict; the CI is reported alongside). `ci`: the upper bound of
   * its paired bootstrap 95% interval — fails only when the regression is statistically clear.
   */
  gateOn?: 'delta' | 'ci';
  /** @default { samples: 2000, seed: 0 } */
  bootstrap?: { samples?: number; seed?: number };
  /** (item, mode) pairs answered at once per model. @default 2 */
  concurrency?: number;
  signal?: AbortSignal;
  /** `evaluate` and `compareRuns`. @default those of evaluate/index.ts */
  evaluation?: GateEvaluation;
}

/** One check of the gate. */
export interface TuneGateCheck {
  name: keyof TuneGateThresholds | 'errors';
  set: 'golden' | 'regression';
  metric: string;
  mode: EvalMode;
  /** False when no item of the set has the metric (e.g. no output schemas): the check passes. */
  applicable: boolean;
  base: number;
  tuned: number;
  delta: number;
  ci95: [number, number];
  n: number;
  threshold: number;
  failed: boolean;
}

/** The gate's verdict. */
export interface TuneGateReport {
  passed: boolean;
  /** Names of the failed checks. */
  failed: string[];
  checks: TuneGateCheck[];
  gateOn: 'delta' | 'ci';
  models: { base: string; tuned: string };
  runs: { golden: { base: EvalRun; tuned: EvalRun }; regression?: { base: EvalRun; tuned: EvalRun } };
}

const _metrics = { formatConsistency: 'format_consistency', constraintAdherence: 'constraint_adherence', answerF1: 'token_f1', regression: 'token_f1' } as const;

/**
 * Post-training gate: runs the base and the tuned model on the golden set (each item's given context by
 * default) and on a closed-book capability regression set, compares them per metric with paired bootstrap
 * 95% intervals, and fails a check when the tuned model's change falls below its threshold (point estimate by
 * default, CI upper bound with `gateOn: 'ci'`). A tuned model with more failed (errored) items than the base
 * fails the `errors` check.
 */
export async function gateTunedModel(options: GateTunedModelOptions): Promise<TuneGateReport> {
  const { base, tuned, golden, regression, mode = 'oracle', gateOn = 'delta', bootstrap, concurrency, signal } = options;
  const thresholds = { formatConsistency: -0.02, constraintAdherence: -0.02, answerF1: -0.02, regression: -0.02, ...options.thresholds };
  if (golden.length === 0) throw new FathomError({ code: 'INVALID_DATASET', message: 'The gate needs golden items (--golden g.jsonl with at least one item).' });
  for (const [k, v] of Object.entries(thresholds)) if (typeof v !== 'number' || !Number.isFinite(v)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Threshold '${k}' must be a number such as -0.02 (the largest allowed drop).` });
  const ev = options.evaluation ?? (await _defaultEvaluation());
  const runBoth = async (items: readonly GoldenItem[], m: EvalMode) => {
    const run = (model: ChatModel) => ev.evaluate({ items, pipeline: _gatePipeline(model), modes: [m], concurrency, signal, config: { model: `${model.provider}:${model.modelId}`, gate: true } });
    return { base: await run(base), tuned: await run(tuned) };
  };
  const goldenRuns = await runBoth(golden, mode);
  const regressionRuns = regression?.length ? await runBoth(regression, 'closed-book') : undefined;
  for (const [which, run] of [['base', goldenRuns.base], ['tuned', goldenRuns.tuned]] as const) _assertAnswered(run, which === 'base' ? base : tuned, which);
  const checks: TuneGateCheck[] = [];
  const compare = (runs: { base: EvalRun; tuned: EvalRun }) => ev.compareRuns({ a: runs.base, b: runs.tuned, bootstrap });
  const g = compare(goldenRuns);
  for (const name of ['formatConsistency', 'constraintAdherence', 'answerF1'] as const) checks.push(_check(g, name, 'golden', mode, thresholds[name], gateOn));
  checks.push(_errors(goldenRuns, 'golden', mode));
  if (regressionRuns) {
    checks.push(_check(compare(regressionRuns), 'regression', 'regression', 'closed-book', thresholds.regression, gateOn));
    checks.push(_errors(regressionRuns, 'regression', 'closed-book'));
  }
  const failed = checks.filter((c) => c.failed).map((c) => (c.name === 'errors' ? `errors (${c.set})` : c.name));
  return {
    passed: failed.length === 0, failed, checks, gateOn,
    models: { base: `${base.provider}:${base.modelId}`, tuned: `${tuned.provider}:${tuned.modelId}` },
    runs: { golden: goldenRuns, ...(regressionRuns ? { regression: regressionRuns } : {}) },
  };
}

function _check(c: RunComparison, name: keyof TuneGateThresholds, set: 'golden' | 'regression', mode: EvalMode, threshold: number, gateOn: 'delta' | 'ci'): TuneGateCheck {
  const metric = _metrics[name];
  const d = c.deltas.find((x) => x.metric === metric && x.mode === mode);
  if (!d) return { name, set, metric, mode, applicable: false, base: 0, tuned: 0, delta: 0, ci95: [0, 0], n: 0, threshold, failed: false };
  const tested = gateOn === 'ci' ? d.ci95[1] : d.delta;
  return { name, set, metric, mode, applicable: true, base: d.a, tuned: d.b, delta: d.delta, ci95: d.ci95, n: d.n, threshold, failed: tested < threshold };
}

/** Nothing to compare when every item failed (an unreachable server, a wrong model id): say so instead of passing vacuously. */
function _assertAnswered(run: EvalRun, model: ChatModel, which: 'base' | 'tuned'): void {
  const first = run.results.find((r) => r.error)?.error;
  if (!first || run.results.some((r) => !r.error)) return;
  throw new FathomError({
    code: 'PROVIDER_REQUEST_FAILED',
    message: `Every golden item failed for the ${which} model ${model.provider}:${model.modelId} (first error: ${first.code}: ${first.message}); check its model spec and that it is reachable.`,
    details: { which, model: `${model.provider}:${model.modelId}`, error: first },
  });
}

function _errors(runs: { base: EvalRun; tuned: EvalRun }, set: 'golden' | 'regression', mode: EvalMode): TuneGateCheck {
  const count = (r: EvalRun) => r.results.filter((x) => x.error).length;
  const [a, b] = [count(runs.base), count(runs.tuned)];
  const n = runs.base.results.length;
  const delta = n === 0 ? 0 : (b - a) / n;
  return { name: 'errors', set, metric: 'error_rate', mode, applicable: true, base: a / Math.max(1, n), tuned: b / Math.max(1, n), delta, ci95: [delta, delta], n, threshold: 0, failed: b > a };
}
