import { defineCommand } from 'citty';
import { diagnose, failureClasses } from '../../decide/index.js';
import type { Diagnosis } from '../../spec/evaluation.js';
import { commonArgs } from '../common-args.js';
import { cliContext } from '../context.js';
import { emit } from '../io.js';
import { readEvalRun } from '../read-eval-run.js';

/** Human rendering of a diagnosis. */
export function formatDiagnosis(d: Diagnosis): string {
  const r = d.recommendation;
  const pct = (x: number): string => `${Math.round(x * 100)}%`.padStart(4);
  return [
    `Diagnosis of ${d.runId}: ${r.primary}${d.answerer ? ` (answerer: ${d.answerer})` : ''}`, '',
    ...failureClasses.map((c) => `  ${c.padEnd(30)} ${String(d.classes[c].count).padStart(4)}  ${pct(d.classes[c].share)}  (95% CI ${pct(d.classes[c].ci95[0]).trim()}–${pct(d.classes[c].ci95[1]).trim()})`), '',
    'What to do:', ...r.actions.map((a) => `  - [${a.kind}] ${a.why}${a.itemIds?.length ? `\n      items: ${a.itemIds.join(', ')}` : ''}`), '',
    'Evidence:', ...r.evidence.map((e) => `  - ${e}`), '', r.uncertainty,
  ].join('\n');
}

export const diagnoseCommand = defineCommand({
  meta: { name: 'diagnose', description: 'Classify each failed item of an evaluation run and recommend: better prompt, RAG, a retrieval fix, fine-tuning or the hybrid' },
  args: {
    ...commonArgs,
    run: { type: 'positional', required: false, description: 'Run file (default: the newest .fathom/runs/eval-*.json)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const { run } = readEvalRun(c, ctx.args.run as string | undefined);
    const d = diagnose({ run });
    emit(c.io, c.json, d, () => formatDiagnosis(d));
    return 0;
  },
});
