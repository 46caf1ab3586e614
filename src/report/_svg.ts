import { _html } from './_escape.js';

/** Colours of the three modes, shared by charts and the table. */
export const modeColours: Record<string, string> = { 'closed-book': '#8792a2', rag: '#2f6fdf', oracle: '#16a37f' };

/** A horizontal gridline with its label at y for value v. */
export function _gridLine(x0: number, x1: number, y: number, label: string): string {
  return `<line x1="${x0}" x2="${x1}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${x0 - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" class="tick">${_html(label)}</text>`;
}

/** A legend row of coloured swatches. */
export function _legend(x: number, y: number, entries: Array<[string, string]>): string {
  let dx = 0;
  return entries.map(([label, colour]) => {
    const out = `<rect x="${x + dx}" y="${y - 9}" width="12" height="12" rx="2" fill="${colour}"/><text x="${x + dx + 17}" y="${y + 1}" class="legend">${_html(label)}</text>`;
    dx += 30 + label.length * 7;
    return out;
  }).join('');
}

/** The `<svg>` element with an accessible title. */
export function _svg(id: string, width: number, height: number, title: string, body: string): string {
  return `<svg id="${id}" class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${_html(title)}</title>${body}</svg>`;
}
