import type { EvalItemResult, EvalMode, GoldenItem } from '../../spec/evaluation.js';
import { abstention } from '../metrics/answer/index.js';

/**
 * Per mode: the mean of every metric over the results that define it, plus `accuracy` (share correct),
 * `abstention_precision` / `abstention_recall` (run-level), `error_rate` and `items` (results in the mode).
 */
export function _summarize(results: readonly EvalItemResult[], items: readonly GoldenItem[], modes: readonly EvalMode[]): Record<EvalMode, Record<string, number>> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const summary = {} as Record<EvalMode, Record<string, number>>;
  for (const mode of modes) {
    const rs = results.filter((r) => r.mode === mode);
    const sums = new Map<string, { sum: number; n: number }>();
    for (const r of rs) {
      for (const [k, v] of Object.entries(r.metrics)) {
        if (v === undefined || !Number.isFinite(v)) continue;
        const s = sums.get(k) ?? { sum: 0, n: 0 };
        s.sum += v;
        s.n++;
        sums.set(k, s);
      }
    }
    const out: Record<string, number> = {};
    for (const [k, s] of [...sums].sort(([a], [b]) => a.localeCompare(b))) out[k] = s.sum / s.n;
    const scored = rs.filter((r) => !r.error);
    const ab = abstention({ items: scored.map((r) => ({ answerable: byId.get(r.itemId)?.answerable ?? true, abstained: r.answer.abstained })) });
    if (ab.precision !== undefined) out.abstention_precision = ab.precision;
    if (ab.recall !== undefined) out.abstention_recall = ab.recall;
    out.accuracy = rs.length === 0 ? 0 : rs.filter((r) => r.correct).length / rs.length;
    out.error_rate = rs.length === 0 ? 0 : (rs.length - scored.length) / rs.length;
    out.items = rs.length;
    summary[mode] = out;
  }
  return summary;
}
