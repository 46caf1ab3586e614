import type { ModeMeasurement } from '../spec/decision.js';
import type { EvalMode, EvalRun } from '../spec/evaluation.js';

/**
 * Tokens, latency and cost per query of each mode of a run, from `answer.usage` (falling back to
 * `answer.promptTokens` when a provider reports no usage). RAG prompts are longer: this is where it shows.
 */
export function measureRun({ run }: { run: EvalRun }): ModeMeasurement[] {
  return run.modes.flatMap((mode: EvalMode) => {
    const rs = run.results.filter((r) => r.mode === mode && !r.error);
    if (!rs.length) return [];
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const lat = rs.map((r) => r.answer.latencyMs.total).filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
    const costs = rs.map((r) => r.answer.costUsd).filter((x): x is number => typeof x === 'number');
    const m: ModeMeasurement = {
      mode, n: rs.length,
      inputTokens: mean(rs.map((r) => r.answer.usage.inputTokens || r.answer.promptTokens || 0)),
      outputTokens: mean(rs.map((r) => r.answer.usage.outputTokens || 0)),
    };
    if (lat.length) {
      m.latencyMsP50 = _quantile(lat, 0.5);
      m.latencyMsP95 = _quantile(lat, 0.95);
    }
    if (costs.length) m.costUsd = mean(costs);
    return [m];
  });
}

/** Linear-interpolated quantile of sorted values. */
function _quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
