import type { EvalItemResult, EvalMode, EvalRun, MetricDelta, MetricValues, RunComparison } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';
import { pairedBootstrap } from './paired-bootstrap.js';
import { _breaches, parseGate } from './parse-gate.js';

/** Options of {@link compareRuns}. */
export interface CompareRunsOptions {
  a: EvalRun;
  b: EvalRun;
  /** Metrics to compare. @default every metric both runs have (plus `accuracy` as `correct`) */
  metrics?: readonly string[];
  /** @default { samples: 2000, seed: 0 } */
  bootstrap?: { samples?: number; seed?: number };
  /** Regression gates, `[mode:]metric op bound` on the delta b − a (see {@link parseGate}). */
  gates?: readonly string[];
  /**
   * What a gate tests. `delta` (default): the point estimate — `faithfulness < -0.02` fails when the mean paired
   * delta is below −0.02. `ci`: the whole 95% interval must satisfy the condition (for `<`, the CI's upper bound
   * is below the bound), i.e. the regression is significant. @default 'delta'
   */
  gateOn?: 'delta' | 'ci';
}

/** A gate's outcome in one mode. */
export interface GateResult {
  gate: string;
  mode: EvalMode;
  delta: number;
  ci95: [number, number];
  failed: boolean;
}

/**
 * Compares run B against run A: per metric and mode, the mean over items present and scored (no error, the
 * metric defined) in both runs, the delta b − a and its paired bootstrap 95% interval; per-item differences;
 * and the gates that failed. A gate without a mode fails when it fails in any mode.
 */
export function compareRuns({ a, b, metrics, bootstrap = {}, gates = [], gateOn = 'delta' }: CompareRunsOptions): RunComparison & { gates: GateResult[] } {
  const parsed = gates.map(parseGate);
  const modes = a.modes.filter((m) => b.modes.includes(m));
  const key = (r: EvalItemResult) => `${r.itemId}\t${r.mode}`;
  const bByKey = new Map(b.results.map((r) => [key(r), r]));
  const pairs = a.results.filter((r) => !r.error).flatMap((ra) => {
    const rb = bByKey.get(key(ra));
    return rb && !rb.error ? [{ ra, rb }] : [];
  });
  const names = metrics ?? [...new Set(pairs.flatMap(({ ra, rb }) => Object.keys(ra.metrics).filter((k) => rb.metrics[k] !== undefined)))].sort();
  const deltas: MetricDelta[] = [];
  for (const mode of modes) {
    for (const metric of names) {
      const va: number[] = [];
      const vb: number[] = [];
      for (const { ra, rb } of pairs) {
        if (ra.mode !== mode) continue;
        const x = ra.metrics[metric];
        const y = rb.metrics[metric];
        if (x === undefined || y === undefined) continue;
        va.push(x);
        vb.push(y);
      }
      if (va.length === 0) continue;
      const { delta, ci95 } = pairedBootstrap({ a: va, b: vb, ...bootstrap });
      deltas.push({ metric, mode, a: _mean(va), b: _mean(vb), delta, ci95, n: va.length });
    }
  }
  const items = pairs.map(({ ra, rb }) => ({ itemId: ra.itemId, mode: ra.mode, a: ra.metrics, b: rb.metrics, changed: _changed(ra.metrics, rb.metrics) }));
  const gateResults: GateResult[] = [];
  for (const g of parsed) {
    const metric = g.metric === 'accuracy' ? 'correct' : g.metric; // the summary's accuracy is the mean of per-item `correct`
    const hits = deltas.filter((d) => d.metric === metric && (!g.mode || d.mode === g.mode));
    if (hits.length === 0) {
      const known = [...new Set(deltas.map((d) => d.metric))].join(', ');
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Gate "${g.expression}" names metric '${g.metric}'${g.mode ? ` in mode ${g.mode}` : ''}, which neither run has in common. Known: ${known || 'none'}.` });
    }
    for (const d of hits) {
      const failed = gateOn === 'ci' ? _breaches(g.op, d.ci95[0], g.bound) && _breaches(g.op, d.ci95[1], g.bound) : _breaches(g.op, d.delta, g.bound);
      gateResults.push({ gate: g.expression, mode: d.mode, delta: d.delta, ci95: d.ci95, failed });
    }
  }
  const failedGates = [...new Set(gateResults.filter((g) => g.failed).map((g) => g.gate))];
  return { a: a.id, b: b.id, deltas, items, failedGates, gates: gateResults };
}

const _mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function _changed(a: MetricValues, b: MetricValues): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k] && !(k === 'latency_ms' || k === 'cost_usd' || k === 'input_tokens' || k === 'output_tokens')).sort();
}
