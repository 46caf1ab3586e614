import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { diagnose, failureClasses } from '../../decide/index.js';
import type { Diagnosis, EvalRun } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext } from '../context.js';
import type { CliContext } from '../context.js';
import { emit } from '../io.js';

/** Read a run file, or the newest `.fathom/runs/eval-*.json` next to the store when no path is given. */
export function readEvalRun(c: CliContext, path?: string): { run: EvalRun; path: string } {
  let file = path ? resolve(c.io.cwd, path) : undefined;
  if (!file) {
    const dir = join(dirname(c.storePath), 'runs');
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.startsWith('eval-') && n.endsWith('.json') && !n.endsWith('.manifest.json'));
    } catch { /* no runs directory yet */ }
    if (!names.length) throw new FathomError({ code: 'NOT_FOUND', message: `No evaluation run in ${dir}: run \`fathom eval <golden.jsonl>\` first, or pass a run file.`, details: { dir } });
    file = names.map((n) => join(dir, n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot read the run file ${file}: check the path (runs are written to .fathom/runs/ by \`fathom eval\`).`, details: { path: file } });
  }
  let run: EvalRun;
  try {
    run = JSON.parse(text) as EvalRun;
  } catch (error) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} is not valid JSON (${(error as Error).message}): pass the run file written by \`fathom eval\`.`, details: { path: file } });
  }
  if (!Array.isArray(run.results) || !Array.isArray(run.modes)) throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} is not an evaluation run (no "results"/"modes"): pass the run file written by \`fathom eval\`.`, details: { path: file } });
  return { run, path: file };
}

/** Human rendering of a diagnosis. */
export function formatDiagnosis(d: Diagnosis): string {
  const r = d.recommendation;
  const pct = (x: number): string => `${Math.round(x * 100)}%`.padStart(4);
  return [
    `Diagnosis of ${d.runId}: ${r.primary}`, '',
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
