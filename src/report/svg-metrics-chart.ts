import type { EvalMode } from '../spec/evaluation.js';
import { _html } from './_escape.js';
import { _gridLine, _legend, _svg, modeColours } from './_svg.js';
import type { ReportModel } from './report-model.js';

/** Grouped bars: one group per higher-is-better [0, 1] metric (accuracy first), one bar per mode. Bars carry class `bar`. */
export function svgMetricsChart(model: ReportModel): string {
  const groups: Array<{ metric: string; values: Partial<Record<EvalMode, number>> }> = [
    { metric: 'accuracy', values: Object.fromEntries(Object.entries(model.accuracy).map(([m, a]) => [m, a!.share])) },
    ...model.metrics.filter((m) => m.unitInterval && m.direction === 'higher'),
  ];
  const modes = model.run.modes;
  const width = 920;
  // Room under the plot for labels rotated 35°, so long metric names never overlap however many groups there are.
  const height = 330;
  const left = 48;
  const top = 34;
  const plotH = 200;
  const groupW = (width - left - 10) / Math.max(groups.length, 1);
  const barW = Math.min(26, (groupW - 14) / Math.max(modes.length, 1));
  const y = (v: number): number => top + plotH * (1 - v);
  let body = [0, 0.25, 0.5, 0.75, 1].map((v) => _gridLine(left, width - 10, y(v), v.toFixed(2))).join('');
  groups.forEach((g, gi) => {
    const x0 = left + gi * groupW + (groupW - barW * modes.length) / 2;
    modes.forEach((mode, mi) => {
      const v = g.values[mode];
      if (v === undefined) return;
      const x = x0 + mi * barW;
      body += `<rect class="bar" data-metric="${_html(g.metric)}" data-mode="${mode}" x="${x.toFixed(1)}" y="${Math.min(y(v), top + plotH - 1.5).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${Math.max(plotH * v, 1.5).toFixed(1)}" fill="${modeColours[mode]}"><title>${_html(`${g.metric} · ${mode}: ${v.toFixed(3)}`)}</title></rect>`;
    });
    const lx = (left + gi * groupW + groupW / 2).toFixed(1);
    const ly = top + plotH + 14;
    body += `<text x="${lx}" y="${ly}" text-anchor="end" transform="rotate(-35 ${lx} ${ly})" class="label">${_html(g.metric)}</text>`;
  });
  body += _legend(left, 16, modes.map((m) => [m, modeColours[m]!]));
  return _svg('chart-metrics', width, height, 'Metrics per mode', body);
}
