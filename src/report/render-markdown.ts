import { _mdCell, _num, _pct, _volume } from './_escape.js';
import type { ReportModel } from './report-model.js';

/** Failing items listed in Markdown at most; the rest are counted. */
const MD_ITEM_CAP = 100;

/** The report as Markdown: metrics per mode, failure classes with intervals, recommendation, decision, failing items. */
export function renderMarkdown(model: ReportModel): string {
  const { run, diagnosis: d, decision, comparison } = model;
  const out: string[] = [`# fathom evaluation report: ${_mdCell(run.id)}`, '', `${_mdCell(run.dataset.path)} (${run.dataset.items} items) · ${run.createdAt} · config ${_mdCell(run.configHash)}${run.model ? ` · answerer **${_mdCell(run.model)}**` : ''}`, ''];
  for (const [mode, why] of Object.entries(run.notMeasured ?? {})) out.push(`_${mode}: ${_mdCell(why)}_`, '');
  out.push('## Metrics per mode', '', `| metric | ${run.modes.join(' | ')} |`, `|---|${run.modes.map(() => '---:').join('|')}|`);
  out.push(`| accuracy | ${run.modes.map((m) => (model.accuracy[m] ? `${_pct(model.accuracy[m]!.share)} (${model.accuracy[m]!.correct}/${model.accuracy[m]!.total})` : '–')).join(' | ')} |`);
  for (const m of model.metrics) out.push(`| ${_mdCell(m.metric)}${m.direction === 'lower' ? ' (lower is better)' : m.direction === 'neutral' && m.unitInterval ? ' (share)' : ''} | ${run.modes.map((mode) => _num(m.metric, m.values[mode])).join(' | ')} |`);
  if (d) {
    out.push('', `## Diagnosis: ${d.recommendation.primary}`, '', '| class | items | share | 95% CI |', '|---|---:|---:|---:|');
    for (const [cls, c] of Object.entries(d.classes)) out.push(`| ${cls} | ${c.count} | ${_pct(c.share)} | ${_pct(c.ci95[0])}–${_pct(c.ci95[1])} |`);
    out.push('', '### What to do', '', ...d.recommendation.actions.map((a) => `- **${a.kind}**: ${_mdCell(a.why)}${a.itemIds?.length ? ` (${a.itemIds.slice(0, 12).map(_mdCell).join(', ')}${a.itemIds.length > 12 ? `, … and ${a.itemIds.length - 12} more` : ''})` : ''}`));
    out.push('', '### Evidence', '', ...d.recommendation.evidence.map((e) => `- ${_mdCell(e)}`), '', `_${_mdCell(d.recommendation.uncertainty)}_`);
  }
  if (decision) {
    out.push('', `## Decision: ${decision.recommendation}`, '', _mdCell(decision.summary), '', '| factor | favours | reason |', '|---|---|---|');
    for (const r of decision.reasons) out.push(`| ${r.factor} | ${r.favours} | ${_mdCell(r.text)} |`);
    if (decision.assumed.length) out.push('', `Assumed (not answered): ${decision.assumed.join(', ')}.`);
    out.push('', `### Cost at ${_volume(decision.costs.queriesPerMonth)} queries/month`, '', '| option | model | tokens in/out | per 1k queries | fixed/month | one-time | total/month |', '|---|---|---:|---:|---:|---:|---:|');
    for (const o of decision.costs.options) out.push(`| ${o.label} | ${_mdCell(o.model)} | ${Math.round(o.inputTokens)}/${Math.round(o.outputTokens)} | $${(o.perQueryUsd * 1000).toFixed(3)} | $${o.fixedPerMonthUsd.toFixed(0)} | $${o.oneTimeUsd.toFixed(0)} | $${o.monthlyUsd.toFixed(0)} |`);
    out.push('', ...decision.costs.breakEven.map((b) => `- ${b.note}`), '', ...decision.costs.assumptions.map((a) => `- _${_mdCell(a)}_`));
  }
  if (comparison) {
    out.push('', `## Comparison: ${_mdCell(comparison.a)} → ${_mdCell(comparison.b)}`, '', '| metric | mode | a | b | delta | 95% CI |', '|---|---|---:|---:|---:|---:|');
    for (const x of comparison.deltas) out.push(`| ${_mdCell(x.metric)} | ${x.mode} | ${x.a.toFixed(3)} | ${x.b.toFixed(3)} | ${x.delta.toFixed(3)} | [${x.ci95[0].toFixed(3)}, ${x.ci95[1].toFixed(3)}] |`);
    if (comparison.failedGates.length) out.push('', `**Failed gates:** ${comparison.failedGates.map(_mdCell).join(', ')}`);
  }
  const failing = model.rows.filter((r) => !r.correct || r.classes.some((c) => c !== 'passing' && c !== 'knowledge-gap-closed-by-rag'));
  out.push('', `## Items needing attention (${failing.length} of ${model.rows.length} results)`, '', '| item | mode | right | question | answer | classes |', '|---|---|---|---|---|---|');
  for (const r of failing.slice(0, MD_ITEM_CAP)) out.push(`| ${_mdCell(r.itemId)} | ${r.mode} | ${r.correct ? 'yes' : 'no'} | ${_mdCell(r.question)} | ${_mdCell(r.answer.slice(0, 160))} | ${_mdCell(r.classes.join(', '))} |`);
  if (failing.length > MD_ITEM_CAP) out.push('', `… and ${failing.length - MD_ITEM_CAP} more: see the JSON or HTML report for every item.`);
  return `${out.join('\n')}\n`;
}
