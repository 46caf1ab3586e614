import type { Diagnosis, FailureClass } from '../spec/evaluation.js';
import { _html, _pct } from './_escape.js';
import { _svg } from './_svg.js';

/** Colour of a failure class by what it points to: knowledge, retrieval, behaviour, abstention, passing. */
export const classColours: Record<FailureClass, string> = {
  'knowledge-gap-closed-by-rag': '#2f6fdf', 'retrieval-miss': '#e8833a', 'grounding-failure': '#d9a21b', 'behaviour-gap': '#d64545',
  'format-failure': '#b83280', 'constraint-failure': '#9b2c6f', 'over-abstention': '#7c5cc4', 'hallucination-on-unanswerable': '#5a3ea8', passing: '#16a37f',
  'partial-retrieval': '#f0a35e', 'ingestion-loss': '#8a6d3b', 'answerer-limit': '#e06666',
};

/** Horizontal bars: share of items per failure class, with 95% interval whiskers. Bars carry class `bar`. */
export function svgClassesChart(diagnosis: Diagnosis): string {
  const entries = Object.entries(diagnosis.classes) as Array<[FailureClass, Diagnosis['classes'][FailureClass]]>;
  const width = 920;
  const left = 230;
  const right = 90;
  const rowH = 26;
  const top = 12;
  const plotW = width - left - right;
  const height = top + entries.length * rowH + 30;
  const x = (v: number): number => left + plotW * v;
  let body = [0, 0.25, 0.5, 0.75, 1].map((v) => `<line x1="${x(v)}" x2="${x(v)}" y1="${top - 4}" y2="${top + entries.length * rowH}" class="grid"/><text x="${x(v)}" y="${top + entries.length * rowH + 16}" text-anchor="middle" class="tick">${_pct(v, 0)}</text>`).join('');
  entries.forEach(([cls, c], i) => {
    const y = top + i * rowH;
    const [lo, hi] = c.ci95;
    body += `<text x="${left - 8}" y="${y + 16}" text-anchor="end" class="label">${_html(cls)}</text>`;
    body += `<rect class="bar" data-class="${cls}" x="${left}" y="${y + 5}" width="${(plotW * c.share).toFixed(1)}" height="${rowH - 10}" rx="2" fill="${classColours[cls]}"><title>${_html(`${cls}: ${c.count} (${_pct(c.share)}, 95% CI ${_pct(lo)}–${_pct(hi)})`)}</title></rect>`;
    body += `<g class="whisker"><line x1="${x(lo).toFixed(1)}" x2="${x(hi).toFixed(1)}" y1="${y + 13}" y2="${y + 13}"/><line x1="${x(lo).toFixed(1)}" x2="${x(lo).toFixed(1)}" y1="${y + 8}" y2="${y + 18}"/><line x1="${x(hi).toFixed(1)}" x2="${x(hi).toFixed(1)}" y1="${y + 8}" y2="${y + 18}"/></g>`;
    body += `<text x="${width - right + 8}" y="${y + 17}" class="value">${c.count} · ${_pct(c.share, 0)}</text>`;
  });
  return _svg('chart-classes', width, height, 'Failure classes: share of items with 95% intervals', body);
}
