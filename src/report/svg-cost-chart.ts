import type { CostModel, CostOptionName } from '../spec/decision.js';
import { _html, _volume } from './_escape.js';
import { _gridLine, _legend, _svg } from './_svg.js';

const colours: Record<CostOptionName, string> = { rag: '#2f6fdf', 'fine-tuned': '#d64545', hybrid: '#7c5cc4' };

/** Monthly cost per option over query volume; crossings marked (class `crossing`), the team's volume dashed. */
export function svgCostChart(costs: CostModel): string {
  const width = 920;
  const height = 330;
  const left = 70;
  const right = 20;
  const top = 34;
  const plotW = width - left - right;
  const plotH = 240;
  const yMax = _niceCeil(Math.max(1, ...costs.chart.series.flatMap((s) => s.points.map(([, y]) => y))));
  const x = (q: number): number => left + (plotW * q) / costs.chart.xMax;
  const y = (usd: number): number => top + plotH * (1 - usd / yMax);
  let body = [0, 0.25, 0.5, 0.75, 1].map((f) => _gridLine(left, width - right, y(f * yMax), `$${_volume(f * yMax)}`)).join('');
  body += [0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${x(f * costs.chart.xMax).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle" class="tick">${_volume(f * costs.chart.xMax)}</text>`).join('');
  body += `<text x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle" class="label">queries per month</text>`;
  for (const s of costs.chart.series) {
    const d = s.points.map(([q, usd], i) => `${i ? 'L' : 'M'}${x(q).toFixed(1)},${y(usd).toFixed(1)}`).join('');
    body += `<path class="line" data-option="${s.name}" d="${d}" stroke="${colours[s.name]}" fill="none" stroke-width="2.5"/>`;
  }
  const q = costs.queriesPerMonth;
  if (q <= costs.chart.xMax) body += `<line class="volume" x1="${x(q).toFixed(1)}" x2="${x(q).toFixed(1)}" y1="${top}" y2="${top + plotH}"/><text x="${(x(q) + 4).toFixed(1)}" y="${top + 12}" class="tick">your volume ${_volume(q)}</text>`;
  for (const b of costs.breakEven) {
    if (b.queriesPerMonth === null || b.monthlyUsd === null || b.queriesPerMonth > costs.chart.xMax) continue;
    const cx = x(b.queriesPerMonth);
    const cy = y(b.monthlyUsd);
    body += `<g class="crossing" data-a="${b.a}" data-b="${b.b}"><circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="5"/><text x="${(cx + 8).toFixed(1)}" y="${(cy - 8).toFixed(1)}" class="value">${_html(`${b.a} = ${b.b} at ${_volume(b.queriesPerMonth)}/month`)}</text><title>${_html(b.note)}</title></g>`;
  }
  body += _legend(left, 16, costs.options.map((o) => [o.label, colours[o.name]]));
  return _svg('chart-cost', width, height, 'Monthly cost by query volume, with break-even points', body);
}

function _niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
}
