import { defineCommand } from 'citty';
import { FathomError } from '../../../util/errors.js';
import { commonArgs } from '../../common-args.js';
import { cliContext } from '../../context.js';
import { emit } from '../../io.js';
import { repeated } from '../../repeated.js';
import { readEvalRun } from '../../read-eval-run.js';
import { rules } from '../../options/option-schema.js';
import { compareRuns } from '../../../evaluate/compare/index.js';
import { formatComparison } from '../../../evaluate/run/index.js';

export const compareCommand = defineCommand({
  meta: { name: 'compare', description: 'Compare two runs: per-metric deltas with paired bootstrap 95% CIs; exit 1 when a --fail-if gate fails' },
  args: {
    ...commonArgs,
    a: { type: 'positional', description: 'Baseline run JSON', required: true },
    b: { type: 'positional', description: 'Candidate run JSON', required: true },
    'fail-if': { type: 'string', description: 'Gate on the delta b − a, e.g. "faithfulness < -0.02" or "rag:recall@5 < -0.05" (repeatable)' },
    'gate-on': { type: 'string', schema: { enum: ['delta', 'ci'] }, description: 'delta (point estimate, default) or ci (the whole 95% interval must breach)', default: 'delta' },
    samples: { type: 'string', schema: { type: 'integer', minimum: 100, maximum: 1_000_000 }, description: 'Bootstrap resamples (default 2000)' },
    seed: { type: 'string', schema: rules.seed, description: 'Bootstrap seed (default 0)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const gates = repeated(ctx.rawArgs, 'fail-if') ?? [];
    const gateOn = String(ctx.args['gate-on']);
    if (gateOn !== 'delta' && gateOn !== 'ci') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--gate-on must be delta or ci, got "${gateOn}".` });
    const result = compareRuns({
      a: readEvalRun(c, String(ctx.args.a)).run, b: readEvalRun(c, String(ctx.args.b)).run, gates, gateOn,
      bootstrap: { samples: ctx.args.samples ? Number(ctx.args.samples) : undefined, seed: ctx.args.seed ? Number(ctx.args.seed) : undefined },
    });
    emit(c.io, c.json, result, () => formatComparison(result));
    return result.failedGates.length > 0 ? 1 : 0;
  },
});
