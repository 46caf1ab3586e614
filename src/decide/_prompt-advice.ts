import type { Diagnosis, EvalRun } from '../spec/evaluation.js';

type Action = Diagnosis['recommendation']['actions'][number];

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pts`;

/**
 * From a run with prompt variants: one evidence line per variant, and — when the best variant beats the baseline
 * with a paired bootstrap 95% interval above 0 — the action to adopt it, which comes before RAG changes or fine-tuning.
 */
export function _promptAdvice(run: EvalRun): { evidence: string[]; action?: Action } {
  const p = run.prompts;
  if (!p || p.variants.length < 2) return { evidence: [] };
  const evidence = p.variants.map((v) => v.id === p.baseline
    ? `prompt "${v.id}" (baseline): ${p.mode} correct ${(v.correct * 100).toFixed(1)}% on ${v.n} items`
    : `prompt "${v.id}": ${p.mode} correct ${(v.correct * 100).toFixed(1)}%, ${pct(v.delta)} vs "${p.baseline}" (95% CI ${pct(v.ci95[0])} to ${pct(v.ci95[1])}, paired bootstrap, ${v.n} items)`);
  const best = p.variants.find((v) => v.id === p.best);
  if (!best || best.id === p.baseline || best.ci95[0] <= 0) {
    evidence.push(`no prompt variant beats "${p.baseline}" with confidence (every 95% interval reaches 0 or below)`);
    return { evidence };
  }
  return {
    evidence,
    action: { kind: 'better-prompt', why: `use prompt variant "${best.id}" first: ${pct(best.delta)} correct over "${p.baseline}" (95% CI ${pct(best.ci95[0])} to ${pct(best.ci95[1])}, paired bootstrap on ${best.n} items) — a prompt change is cheaper than RAG changes or fine-tuning; re-run the evaluation with it, then diagnose what remains` },
  };
}
