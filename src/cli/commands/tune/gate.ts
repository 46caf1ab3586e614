import { defineCommand } from 'citty';
import type { ChatModel } from '../../../spec/chat-model.js';
import { FathomError } from '../../../util/errors.js';
import { compareRuns } from '../../../evaluate/compare/index.js';
import { evaluate } from '../../../evaluate/run/index.js';
import { readGoldenSet } from '../../../evaluate/golden/index.js';
import { gateTunedModel, type TuneGateReport } from '../../../tune/gate/index.js';
import { buildChatModel } from '../../build.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, type CliContext } from '../../context.js';
import { emit } from '../../io.js';
import { parseNumber } from './_shared.js';
import { _abs } from './start.js';

/**
 * A model from a spec: `openai-compatible:<baseURL>#<model>` (API key from env OPENAI_API_KEY, or the
 * variable named by `--api-key-env`), else whatever `buildChatModel` accepts (`llama-cpp:<file.gguf>`,
 * `openai-compatible:<model>`, `anthropic:<model>`).
 */
export async function chatModelFromSpec(c: CliContext, spec: string, flag: string, apiKeyEnv = 'OPENAI_API_KEY'): Promise<ChatModel> {
  const m = /^openai-compatible:(https?:\/\/[^#]+)#(.+)$/.exec(spec);
  if (m) {
    const { createOpenAICompatibleChatModel } = await import('../../../providers/openai-compatible/index.js');
    return createOpenAICompatibleChatModel({ baseURL: m[1]!, modelId: m[2]!, apiKey: c.io.env[apiKeyEnv] });
  }
  const model = await buildChatModel(c.config, c.io, spec);
  if (!model) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--${flag} needs a generative model, e.g. openai-compatible:http://localhost:8000/v1#my-model or llama-cpp:model.gguf.` });
  return model;
}

/** The gate's verdict as a table. */
export function formatGateReport(r: TuneGateReport): string {
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
  const rows = r.checks.map((k) => k.applicable
    ? `${k.failed ? 'FAIL' : 'ok  '}  ${`${k.name} (${k.set})`.padEnd(34)} base ${k.base.toFixed(3)}  tuned ${k.tuned.toFixed(3)}  Δ ${pct(k.delta)} pts  95% CI [${pct(k.ci95[0])}, ${pct(k.ci95[1])}]  n=${k.n}  threshold ${pct(k.threshold)}`
    : `n/a   ${`${k.name} (${k.set})`.padEnd(34)} no item has ${k.metric}`);
  return [`${r.models.base} → ${r.models.tuned} (tested on the ${r.gateOn === 'ci' ? 'CI upper bound' : 'point estimate'})`, ...rows, r.passed ? 'gate passed' : `gate FAILED: ${r.failed.join(', ')}`].join('\n');
}

export const gateCommand = defineCommand({
  meta: { name: 'gate', description: 'Compare a tuned model with its base on the golden and regression sets; exit 1 when it regresses beyond a threshold' },
  args: {
    ...commonArgs,
    base: { type: 'string', description: 'Base model spec, e.g. openai-compatible:http://host:8000/v1#base', required: true },
    tuned: { type: 'string', description: 'Tuned model spec', required: true },
    golden: { type: 'string', description: 'Golden set (behaviour: format, constraints, answers)', required: true, valueHint: 'g.jsonl' },
    regression: { type: 'string', description: 'Capability regression set (closed-book QA)', valueHint: 'r.jsonl' },
    mode: { type: 'string', schema: { enum: ['oracle', 'closed-book'] }, description: 'oracle (given passages) | closed-book', default: 'oracle' },
    'gate-on': { type: 'string', schema: { enum: ['delta', 'ci'] }, description: 'delta (point estimate) | ci (95% CI upper bound)', default: 'delta' },
    'max-format-drop': { type: 'string', schema: { type: 'number', minimum: -1, maximum: 1 }, description: 'Allowed change of format consistency', default: '-0.02' },
    'max-constraint-drop': { type: 'string', schema: { type: 'number', minimum: -1, maximum: 1 }, description: 'Allowed change of constraint adherence', default: '-0.02' },
    'max-f1-drop': { type: 'string', schema: { type: 'number', minimum: -1, maximum: 1 }, description: 'Allowed change of answer token F1', default: '-0.02' },
    'max-regression-drop': { type: 'string', schema: { type: 'number', minimum: -1, maximum: 1 }, description: 'Allowed change of token F1 on the regression set', default: '-0.02' },
    'api-key-env': { type: 'string', description: 'Env variable with the API key of openai-compatible:<url>#<model> specs', default: 'OPENAI_API_KEY' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    if (a.mode !== 'oracle' && a.mode !== 'closed-book') throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--mode must be oracle or closed-book.' });
    if (a['gate-on'] !== 'delta' && a['gate-on'] !== 'ci') throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--gate-on must be delta or ci.' });
    const keyEnv = String(a['api-key-env']);
    const [base, tuned] = [await chatModelFromSpec(c, String(a.base), 'base', keyEnv), await chatModelFromSpec(c, String(a.tuned), 'tuned', keyEnv)];
    const golden = (await readGoldenSet({ path: _abs(c, a.golden)! })).items;
    const regression = a.regression === undefined ? undefined : (await readGoldenSet({ path: _abs(c, a.regression)! })).items;
    const drop = (flag: string) => parseNumber(a[flag as keyof typeof a], flag, { min: -1, max: 1 })!;
    const report = await gateTunedModel({
      base, tuned, golden, regression, mode: a.mode, gateOn: a['gate-on'], signal: c.io.signal, evaluation: { evaluate, compareRuns },
      thresholds: { formatConsistency: drop('max-format-drop'), constraintAdherence: drop('max-constraint-drop'), answerF1: drop('max-f1-drop'), regression: drop('max-regression-drop') },
    });
    const { runs: _runs, ...summary } = report;
    emit(c.io, c.json, summary, () => formatGateReport(report));
    return report.passed ? 0 : 1;
  },
});
