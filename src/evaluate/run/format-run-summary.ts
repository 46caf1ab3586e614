import type { EvalMode, EvalRun, RunComparison } from '../../spec/evaluation.js';

const shown = ['accuracy', 'exact_match', 'token_f1', 'containment', 'judge_correctness', 'faithfulness', 'answer_relevance', 'context_utilisation', 'citation_precision', 'citation_recall', 'answer_in_context', 'abstention_precision', 'abstention_recall', 'format_consistency', 'constraint_adherence', 'latency_ms', 'cost_usd', 'error_rate'];

/** A plain-text table: one row per metric, one column per mode (`–` where a metric does not apply). */
export function formatRunSummary(run: Pick<EvalRun, 'modes' | 'summary'> & Partial<Pick<EvalRun, 'answerer' | 'notMeasured' | 'prompts'>>): string {
  const modes = run.modes;
  // Retrieval metrics are named at the depth they were measured (recall@5, or recall@3 for a 3-deep list).
  const atK = [...new Set(modes.flatMap((m) => Object.keys(run.summary[m] ?? {})))].filter((n) => /^(?:recall|mrr|hit_rate|all_retrieved)@\d+$/.test(n)).sort();
  const names = [...shown.slice(0, -7), ...atK, ...shown.slice(-7)].filter((n) => modes.some((m) => run.summary[m]?.[n] !== undefined));
  const fmt = (n: string, v: number | undefined) => (v === undefined ? '–' : n === 'latency_ms' ? v.toFixed(0) : n === 'cost_usd' ? v.toFixed(5) : v.toFixed(3));
  const rows = [['metric', ...modes], ...names.map((n) => [n, ...modes.map((m: EvalMode) => fmt(n, run.summary[m]?.[n]))]), ['items', ...modes.map((m) => String(run.summary[m]?.items ?? 0))]];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const head = [run.answerer ? `answerer: ${run.answerer}` : '', ...Object.entries(run.notMeasured ?? {}).map(([m, why]) => `${m}: ${why}`)].filter(Boolean);
  const table = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  return [...head, ...(run.prompts ? [`metrics below: prompt "${run.prompts.baseline}" (baseline)`] : []), ...table, ...(run.prompts ? ['', _formatPrompts(run.prompts)] : [])].join('\n');
}

function _formatPrompts(p: NonNullable<EvalRun['prompts']>): string {
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const rows = [['prompt', `${p.mode} correct`, 'delta', '95% CI', 'n', 'version'], ...p.variants.map((v) => [v.id === p.best ? `${v.id} *` : v.id, v.correct.toFixed(3), v.id === p.baseline ? 'baseline' : signed(v.delta), v.id === p.baseline ? '' : `[${signed(v.ci95[0])}, ${signed(v.ci95[1])}]`, String(v.n), v.sha256.slice(0, 12)])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return [...rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')), `* best; delta and interval vs "${p.baseline}" (paired bootstrap)`].join('\n');
}

/** A plain-text table of a comparison's deltas with their intervals, then the gate outcome. */
export function formatComparison(c: RunComparison): string {
  const rows = [['mode', 'metric', 'a', 'b', 'delta', '95% CI', 'n'], ...c.deltas.map((d) => [d.mode, d.metric, d.a.toFixed(3), d.b.toFixed(3), `${d.delta >= 0 ? '+' : ''}${d.delta.toFixed(3)}`, `[${d.ci95[0].toFixed(3)}, ${d.ci95[1].toFixed(3)}]`, String(d.n)])];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  const table = rows.map((r) => r.map((cell, col) => (col < 2 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
  const changed = c.items.filter((i) => i.changed.includes('correct')).length;
  const gates = c.failedGates.length ? `FAILED gates: ${c.failedGates.join('; ')}` : 'gates: pass';
  return `${c.a} → ${c.b}\n${table}\n${changed} item results changed correctness\n${gates}`;
}
