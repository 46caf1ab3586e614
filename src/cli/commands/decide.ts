import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { defineCommand } from 'citty';
import { decide, diagnose, questions } from '../../decide/index.js';
import type { CostInputs, Decision, Questionnaire } from '../../spec/decision.js';
import { FathomError } from '../../util/errors.js';
import { commonArgs } from '../common-args.js';
import { cliContext } from '../context.js';
import { emit } from '../io.js';
import { readEvalRun } from '../read-eval-run.js';

const flagOf: Record<keyof Questionnaire, string> = {
  knowledgeChanges: 'knowledge-changes', citations: 'citations', latencyBudgetMs: 'latency-ms', onPrem: 'on-prem', queriesPerMonth: 'queries-per-month', labelledExamples: 'labelled-examples',
};

/** Ask each unanswered question with `ask` (a terminal prompt); an empty reply keeps the default. */
export async function askMissing({ answers, ask }: { answers: Partial<Questionnaire>; ask: (prompt: string) => Promise<string> }): Promise<Partial<Questionnaire>> {
  const out: Record<string, unknown> = { ...answers };
  for (const q of questions) {
    if (out[q.key] !== undefined) continue;
    for (;;) {
      const reply = (await ask(`${q.prompt}: `)).trim();
      if (reply === '' && q.key !== 'latencyBudgetMs') break;
      try {
        out[q.key] = q.parse(reply);
        break;
      } catch (error) {
        if (!FathomError.isInstance(error)) throw error;
        await ask(`  ${error.message} (press Enter) `);
      }
    }
  }
  return out as Partial<Questionnaire>;
}

function readJson<T>(cwd: string, path: string, what: string): T {
  const file = resolve(cwd, path);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `Cannot read ${what} from ${file} (${(error as Error).message}): pass a JSON object.`, details: { path: file } });
  }
}

export const decideCommand = defineCommand({
  meta: { name: 'decide', description: 'Combine the diagnosis of a run with your answers (knowledge changes, citations, latency, privacy, volume, examples) and a cost model' },
  args: {
    ...commonArgs,
    run: { type: 'string', description: 'Run file (default: the newest .fathom/runs/eval-*.json)', valueHint: 'file' },
    answers: { type: 'string', description: 'Answers as JSON: {"knowledgeChanges":"weekly","citations":"required",…}', valueHint: 'file' },
    costs: { type: 'string', description: 'Cost inputs as JSON: prices, model, retrievalInfraPerMonth, hourlyRateUsd…', valueHint: 'file' },
    'knowledge-changes': { type: 'string', schema: { enum: ['never', 'yearly', 'quarterly', 'monthly', 'weekly', 'daily', 'continuous'] }, description: 'never | yearly | quarterly | monthly | weekly | daily | continuous', valueHint: 'how often' },
    citations: { type: 'string', schema: { enum: ['required', 'preferred', 'not-needed'] }, description: 'required | preferred | not-needed', valueHint: 'need' },
    'latency-ms': { type: 'string', description: 'Latency budget per answer in ms', valueHint: 'ms' },
    'on-prem': { type: 'boolean', description: 'Data must stay on-premise (no hosted model APIs)' },
    'queries-per-month': { type: 'string', description: 'Expected query volume per month', valueHint: 'n' },
    'labelled-examples': { type: 'string', description: 'Labelled examples of the desired behaviour available', valueHint: 'n' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args as Record<string, unknown>;
    const { run } = readEvalRun(c, a.run as string | undefined);
    let answers: Partial<Questionnaire> = a.answers ? readJson(c.io.cwd, String(a.answers), 'answers') : {};
    for (const q of questions) {
      const v = a[flagOf[q.key]];
      if (v !== undefined) (answers as Record<string, unknown>)[q.key] = typeof v === 'boolean' ? v : q.parse(String(v));
    }
    if (!c.json && c.io.isTTY && process.stdin.isTTY) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        answers = await askMissing({ answers, ask: (p) => rl.question(p) });
      } finally {
        rl.close();
      }
    }
    const costs: CostInputs = a.costs ? readJson(c.io.cwd, String(a.costs), 'cost inputs') : {};
    const decision = decide({ diagnosis: diagnose({ run }), run, answers, costs });
    if (decision.assumed.length) c.io.err(`Assumed defaults for: ${decision.assumed.map((k) => `--${flagOf[k]} ${String(decision.answers[k])}`).join(', ')}\n`);
    emit(c.io, c.json, decision, () => formatDecision(decision));
    return 0;
  },
});

function formatDecision(d: Decision): string {
  return [
    `Decision: ${d.recommendation}`, d.summary, '', 'Reasons:', ...d.reasons.map((r) => `  - [${r.factor} → ${r.favours}] ${r.text}`), '',
    `Cost at ${d.costs.queriesPerMonth} queries/month:`,
    ...d.costs.options.map((o) => `  ${o.label.padEnd(40)} $${o.monthlyUsd.toFixed(0).padStart(7)}/month  ($${(o.perQueryUsd * 1000).toFixed(3)} per 1k queries + $${o.fixedPerMonthUsd.toFixed(0)} fixed)`),
    ...d.costs.breakEven.map((b) => `  ${b.note}`), '', 'Next steps:', ...d.nextSteps.map((s) => `  - ${s}`), '', d.diagnosis.uncertainty,
  ].join('\n');
}
