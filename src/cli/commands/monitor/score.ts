import { defineCommand } from 'citty';
import { scoreOnline } from '../../../monitor/index.js';
import { buildOnlineJudging } from '../../build-online-judging.js';
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
    judge: { type: 'string', description: 'Judge model (as fathom eval run --judge): faithfulness and relevance verdicts on each sampled answer (default: config monitor.judge)', valueHint: 'model' },
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
    // The judge of `monitor.judge` in the config (as `fathom serve` uses it), unless --judge names another.
    const configured = c.config.monitor?.judge;
    const judgeSpec = (ctx.args.judge as string | undefined) ?? configured?.model;
    const runs = ctx.args['judge-runs'] === undefined ? (configured?.runs ?? 1) : Number(ctx.args['judge-runs']);
    if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--judge-runs must be an integer from 1 to 20, got "${String(ctx.args['judge-runs'])}".`, details: { flag: '--judge-runs' } });
    if (ctx.args['judge-runs'] !== undefined && !judgeSpec) throw new FathomError({ code: 'INVALID_ARGUMENT', message: '--judge-runs needs --judge <model> (e.g. --judge openai-compatible:gpt-4o-mini) or monitor.judge in the config.', details: { flag: '--judge-runs' } });
    const judging = await buildOnlineJudging(c.config, c.io, { model: ctx.args.judge as string | undefined, runs });
    const judges = judging?.judges ?? [];
    const result = await withStore(c, (store) => scoreOnline({
      store, tenant: c.tenant, since: _parseSince(String(ctx.args.since ?? '24h'), Date.now()), rate: ctx.args.rate === undefined ? 0.1 : _rate(String(ctx.args.rate), '--rate'),
      rates, restart: Boolean(ctx.args.restart), ...judging, signal: c.io.signal,
    }), { needsDocuments: false });
    emit(c.io, c.json, result, () => [
      `Read ${result.read} audit entries, scored ${result.scored}${judges.length ? ` (${result.judged} with judge verdicts, ${runs} run(s) each)` : ''}.`,
      ...(result.judgeSkipped && Object.values(result.judgeSkipped).some(Boolean) ? [`  Not judged: ${result.judgeSkipped.notDrawn} not drawn (monitor.judge.rate), ${result.judgeSkipped.overLimit} past monitor.judge.maxPerCycle, ${result.judgeSkipped.timedOut} timed out (monitor.judge.timeoutMs).`] : []),
      ...Object.entries(result.byStratum).map(([s, n]) => `  ${s}: ${n}`),
      result.cursor ? `Cursor at ${new Date(result.cursor.at).toISOString()}: the next run resumes there.` : 'Nothing to score in the window.',
    ].join('\n'));
    return 0;
  },
});
