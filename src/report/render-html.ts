import type { Decision } from '../spec/decision.js';
import type { Diagnosis, RunComparison } from '../spec/evaluation.js';
import { _html, _num, _pct, _volume } from './_escape.js';
import { reportCss, reportJs } from './_html-assets.js';
import { htmlItemsTable } from './html-items-table.js';
import type { ReportModel } from './report-model.js';
import { svgClassesChart } from './svg-classes-chart.js';
import { svgCostChart } from './svg-cost-chart.js';
import { svgMetricsChart } from './svg-metrics-chart.js';

const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** One self-contained HTML page: inline CSS, inline SVG charts, a tiny inline filter script, no external requests. */
export function renderHtml(model: ReportModel): string {
  const { run, diagnosis, decision, comparison } = model;
  const cards = [
    [String(new Set(model.rows.map((r) => r.itemId)).size), 'items'],
    ...Object.entries(model.accuracy).map(([mode, a]) => [_pct(a!.share, 0), `correct · ${mode}`]),
    ...(diagnosis ? [[diagnosis.recommendation.primary, 'diagnosis']] : []),
    ...(decision ? [[decision.recommendation, 'decision']] : []),
  ].map(([b, s]) => `<div class="card"><b>${_html(b)}</b><span>${_html(s)}</span></div>`).join('');
  const metricRows = model.metrics.map((m) => `<tr><td>${_html(m.metric)}${m.direction === 'neutral' && m.unitInterval ? ' <span class="muted">(share; neither higher nor lower is better)</span>' : m.direction === 'lower' ? ' <span class="muted">(lower is better)</span>' : ''}</td>${run.modes.map((mode) => `<td class="num">${_html(_num(m.metric, m.values[mode]))}</td>`).join('')}</tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>fathom report · ${_html(run.id)}</title><style>${reportCss}</style></head>
<body><header><h1>fathom evaluation report</h1><p>run <code>${_html(run.id)}</code> · ${_html(run.dataset.path)} (${run.dataset.items} items) · ${_html(run.createdAt.slice(0, 16).replace('T', ' '))} UTC${run.model ? ` · answerer <b>${_html(run.model)}</b>` : ''}${Object.entries(run.notMeasured ?? {}).map(([m, why]) => ` · ${_html(m)}: ${_html(why)}`).join('')} · config ${_html(run.configHash)}</p></header>
<main><div class="cards">${cards}</div>
<section id="metrics"><h2>Metrics per mode</h2>${svgMetricsChart(model)}
<table><thead><tr><th>metric</th>${run.modes.map((m) => `<th class="num">${_html(m)}</th>`).join('')}</tr></thead><tbody><tr><td>accuracy</td>${run.modes.map((mode) => `<td class="num">${model.accuracy[mode] ? `${model.accuracy[mode]!.share.toFixed(3)} (${model.accuracy[mode]!.correct}/${model.accuracy[mode]!.total})` : '–'}</td>`).join('')}</tr>${metricRows}</tbody></table></section>
${diagnosis ? _diagnosis(diagnosis) : ''}${decision ? _decision(decision) : ''}${comparison ? _comparison(comparison) : ''}
<section id="item-table"><h2>Items</h2>${htmlItemsTable(model)}</section></main>
<script>${reportJs}</script></body></html>
`;
}

function _diagnosis(d: Diagnosis): string {
  const r = d.recommendation;
  const actions = r.actions.map((a) => `<li><span class="pill">${_html(a.kind)}</span> ${_html(a.why)}${a.itemIds?.length ? ` <span class="ids">${_idList(a.itemIds)}</span>` : ''}</li>`).join('');
  return `<section id="diagnosis"><h2>Diagnosis · <span class="rec">${_html(r.primary)}</span></h2>${svgClassesChart(d)}
<h3>What to do</h3><ul class="actions">${actions}</ul>
<h3>Evidence</h3><ul>${r.evidence.map((e) => `<li>${_html(e)}</li>`).join('')}</ul><p class="muted">${_html(r.uncertainty)}</p></section>`;
}

function _decision(d: Decision): string {
  const answers = Object.entries(d.answers).map(([k, v]) => `<tr><td>${_html(k)}</td><td>${_html(v === null ? 'none' : String(v))}${d.assumed.includes(k as keyof Decision['answers']) ? ' <span class="pill">assumed</span>' : ''}</td></tr>`).join('');
  const reasons = d.reasons.map((r) => `<tr><td>${_html(r.factor)}</td><td><span class="pill">${_html(r.favours)}</span></td><td>${_html(r.text)}</td></tr>`).join('');
  const options = d.costs.options.map((o) => `<tr><td>${_html(o.label)}</td><td>${_html(o.model)}</td><td class="num">${Math.round(o.inputTokens)} / ${Math.round(o.outputTokens)}</td><td class="num">$${(o.perQueryUsd * 1000).toFixed(3)}</td><td class="num">$${o.fixedPerMonthUsd.toFixed(0)}</td><td class="num">$${o.oneTimeUsd.toFixed(0)}</td><td class="num">$${o.monthlyUsd.toFixed(0)}</td></tr>`).join('');
  return `<section id="decision"><h2>Decision · <span class="rec">${_html(d.recommendation)}</span></h2><p>${_html(d.summary)}</p>
<h3>Reasons</h3><table><tbody>${reasons}</tbody></table>
<h3>Answers</h3><table><tbody>${answers}</tbody></table>
<h3>Cost at ${_volume(d.costs.queriesPerMonth)} queries/month</h3><table><thead><tr><th>option</th><th>model</th><th class="num">tokens in / out</th><th class="num">per 1k queries</th><th class="num">fixed / month</th><th class="num">one-time</th><th class="num">total / month</th></tr></thead><tbody>${options}</tbody></table>
${svgCostChart(d.costs)}<ul>${d.costs.breakEven.map((b) => `<li>${_html(b.note)}</li>`).join('')}</ul>
<details><summary>assumptions</summary><ul>${d.costs.assumptions.map((a) => `<li>${_html(a)}</li>`).join('')}</ul></details></section>`;
}

function _comparison(c: RunComparison): string {
  const rows = c.deltas.map((d) => `<tr><td>${_html(d.metric)}</td><td>${_html(d.mode)}</td><td class="num">${d.a.toFixed(3)}</td><td class="num">${d.b.toFixed(3)}</td><td class="num">${d.delta >= 0 ? '+' : ''}${d.delta.toFixed(3)}</td><td class="num">[${d.ci95[0].toFixed(3)}, ${d.ci95[1].toFixed(3)}]</td><td class="num">${d.n}</td></tr>`).join('');
  return `<section id="comparison"><h2>Comparison · ${_html(c.a)} → ${_html(c.b)}</h2>${c.failedGates.length ? `<p class="bad">Failed gates: ${c.failedGates.map(_html).join(', ')}</p>` : ''}
<table><thead><tr><th>metric</th><th>mode</th><th class="num">a</th><th class="num">b</th><th class="num">delta</th><th class="num">95% CI</th><th class="num">n</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** At most 12 item ids; the rest are counted (the item table lists them all, filterable by class). */
function _idList(ids: string[]): string {
  const shown = ids.slice(0, 12).map(_html).join(', ');
  return ids.length > 12 ? `${shown} … and ${ids.length - 12} more (filter the items table by class)` : shown;
}
