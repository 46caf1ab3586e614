import { defineCommand } from 'citty';
import { createJudge } from '../../../evaluate/judge/index.js';
import { scoreOnline } from '../../../monitor/index.js';
import { buildChatModel } from '../../build.js';
import { FathomError } from '../../../util/errors.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';
import { repeated } from '../../repeated.js';
import { _parseSince } from '../log.js';

const _rate = (v: string, flag: string): number => {
  const n = Number(v);
  if (!(n > 0 && n <= 1)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${flag} must be a share in (0, 1], got "${v}".`, details: { flag } });
  return n;
};

export const scoreCommand = defineCommand({
  meta: { name: 'score', description: 'Score a sample of answered queries with reference-free metrics and store the scores with each audit entry (resumable)' },
  args: {
    ...commonArgs,
    since: { type: 'string', description: 'A date (2026-01-01) or an age (24h, 7d); default 24h', valueHint: 'when' },
    rate: { type: 'string', description: 'Share of answered queries to score (default 0.1)', valueHint: 'share' },
    'stratum-rate': { type: 'string', description: 'A rate for one pipeline or tenant/pipeline: name=share (repeatable)', valueHint: 'name=share' },
    restart: { type: 'boolean', description: 'Ignore the stored cursor and re-read the whole window' },
    judge: { type: 'string', description: 'Judge model (as fathom eval run --judge): faithfulness and relevance verdicts on each sampled answer', valueHint: 'model' },
    'judge-runs': { type: 'string', description: 'Times each judge verdict is sampled; > 1 stores their agreement (default 1)', valueHint: 'n' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const rates: Record<string, number> = {};
    for (const pair of repeated(ctx.rawArgs, 'stratum-rate') ?? []) {
      const i = pair.lastIndexOf('=');
      if (i <= 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--stratum-rate takes name=share, got "${pair}".` });
      rates[pair.slice(0, i)] = _rate(pair.slice(i + 1), '--stratum-rate');
    }
    const runs = ctx.args['judge-runs'] === undefined ? 1 : Number(ctx.args['judge-runs']);
    if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--judge-runs must be an integer from 1 to 20, got "${String(ctx.args['judge-runs'])}".`, details: { flag: '--judge-runs' } });
    if (ctx.args['judge-runs'] !== undefined && !ctx.args.judge) throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--judge-runs needs --judge <model> (e.g. --judge openai-compatible:gpt-4o-mini).', details: { flag: '--judge-runs' } });
    const judgeModel = ctx.args.judge ? await buildChatModel(c.config, c.io, String(ctx.args.judge)) : undefined;
    if (ctx.args.judge && !judgeModel) throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--judge needs a chat model: --judge openai-compatible:<model> | anthropic:<model> | llama-cpp:<file.gguf>.', details: { flag: '--judge' } });
    const judges = judgeModel ? (['faithfulness', 'relevance'] as const).map((rubric) => createJudge({ model: judgeModel, rubric, runs })) : [];
    const result = await withStore(c, (store) => scoreOnline({
      store, tenant: c.tenant, since: _parseSince(String(ctx.args.since ?? '24h'), Date.now()), rate: ctx.args.rate === undefined ? 0.1 : _rate(String(ctx.args.rate), '--rate'),
      rates, restart: Boolean(ctx.args.restart), judges, signal: c.io.signal,
    }), { needsDocuments: false });
    emit(c.io, c.json, result, () => [
      `Read ${result.read} audit entries, scored ${result.scored}${judges.length ? ` (${result.judged} with judge verdicts, ${runs} run(s) each)` : ''}.`,
      ...Object.entries(result.byStratum).map(([s, n]) => `  ${s}: ${n}`),
      result.cursor ? `Cursor at ${new Date(result.cursor.at).toISOString()}: the next run resumes there.` : 'Nothing to score in the window.',
    ].join('\n'));
    return 0;
  },
});
