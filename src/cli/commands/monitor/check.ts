import { defineCommand } from 'citty';
import { checkDrift, postDriftAlert } from '../../../monitor/index.js';
import type { DriftReport } from '../../../spec/monitor.js';
import { FathomError } from '../../../util/errors.js';
import { buildEmbedder } from '../../build.js';
import { commonArgs } from '../../common-args.js';
import { cliContext, withStore } from '../../context.js';
import { emit } from '../../io.js';

export const checkCommand = defineCommand({
  meta: { name: 'check', description: 'Compare the current window of the audit log with a baseline; exit 1 when a drift threshold is crossed (cron/CI), with what to do' },
  args: {
    ...commonArgs,
    window: { type: 'string', schema: { enum: ['hour', 'day', 'week'] }, description: 'hour | day (default) | week', valueHint: 'window' },
    baseline: { type: 'string', description: 'Baseline length in windows before the current one (default 7)', valueHint: 'n' },
    'max-age-days': { type: 'string', description: 'Freshness rule: answers citing documents older than this are stale (enables stale-sources)', valueHint: 'days' },
    webhook: { type: 'string', description: 'POST the report here when it alerts (env FATHOM_MONITOR_WEBHOOK)', valueHint: 'url' },
    embeddings: { type: 'boolean', default: true, description: 'With an embedding model configured, embed a sample of each window\'s queries for the embedding-shift signal (--no-embeddings skips it)' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const a = ctx.args;
    const baseline = a.baseline === undefined ? 7 : Number(a.baseline);
    const maxAge = a['max-age-days'] === undefined ? undefined : Number(a['max-age-days']);
    if (maxAge !== undefined && !(maxAge > 0)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `--max-age-days must be a positive number, got "${String(a['max-age-days'])}".` });
    const webhook = (a.webhook as string | undefined) ?? c.io.env.FATHOM_MONITOR_WEBHOOK;
    if (webhook !== undefined && !/^https?:\/\//.test(webhook)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The webhook must be an http(s) URL, got "${webhook.slice(0, 200)}".` });
    const embedder = a.embeddings === false ? undefined : await buildEmbedder(c.config, c.io);
    const report = await withStore(c, (store) => checkDrift({
      store, tenant: c.tenant, window: (a.window as 'hour' | 'day' | 'week' | undefined) ?? 'day', baselineWindows: baseline, ...(maxAge ? { freshness: { maxAgeDays: maxAge } } : {}),
      ...(embedder ? { embedding: { model: embedder } } : {}), signal: c.io.signal,
    }), { needsDocuments: false });
    // A webhook that fails does not hide the report or its exit code: the failure is a warning and a field of the JSON.
    let delivery: { delivered: boolean; error?: { code: string; message: string } } | undefined;
    if (report.alert && webhook) {
      delivery = await postDriftAlert({ url: webhook, report }).then(() => ({ delivered: true }), (error: unknown) => {
        if (!FathomError.isInstance(error)) throw error;
        return { delivered: false, error: { code: error.code, message: error.message } };
      });
    }
    emit(c.io, c.json, delivery ? { ...report, webhook: delivery } : report, () => _render(report));
    if (delivery?.error) c.io.err(`Warning: the drift alert was not posted to the webhook (${delivery.error.code}): ${delivery.error.message}\n`);
    return report.alert ? 1 : 0;
  },
});

function _render(r: DriftReport): string {
  const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
  const lines = [`Window ${iso(r.window.from)} → ${iso(r.window.to)} vs baseline ${iso(r.baseline.from)} → ${iso(r.baseline.to)}`];
  for (const s of r.signals) lines.push(`  ${s.status === 'alert' ? 'ALERT' : s.status === 'ok' ? 'ok   ' : 'n/a  '} ${s.name.padEnd(22)} ${s.current} vs ${s.baseline}  (n ${s.n.current}/${s.n.baseline}; ${s.threshold})`);
  lines.push(r.alert ? `\nDrift detected. What to do:\n${r.advice.map((x) => `  - ${x}`).join('\n')}` : '\nNo drift threshold crossed.');
  return lines.join('\n');
}
