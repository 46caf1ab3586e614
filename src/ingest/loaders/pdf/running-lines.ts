import { lineKey, type PageLine } from './page-layout.js';

/** How many rows from the top and from the bottom of a page can be running headers or footers. */
const _DEPTH = 3;

/** A line's text with numbers (page numbers, dates, sheet ids) and roman page numbers masked. */
const _shape = (text: string): string => (/^[ivxlcdm]+$/i.test(text.trim()) ? '#' : text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase());

/**
 * Running headers and footers: rows at the top or bottom of pages that repeat across the document — the same
 * text once numbers are masked (page numbers, "Vol. 85, No. 152", print-shop sheet ids) on at least 3 pages,
 * or the same top/bottom slot (baseline) on at least half of the pages, set apart from the
 * body by a gap wider than the page's usual line spacing (a header naming the current section).
 * Then the margin: once the outermost running line sits on one baseline on at least half of the pages (the
 * page-number slot), rows further out than it are page furniture as well, on the few pages that have any
 * (at most a quarter of them) — a first-page-only publisher footer below the page number ("Proceedings of …,
 * pages 4969–4983", "© 2020 Association for …"). Body text never reaches past a running footer, so none is lost.
 * Returns, per page, the row keys (`lineKey`) to leave out. Documents under 3 pages have none.
 */
export function runningLines(pages: PageLine[][]): Array<Set<number>> {
  const out = pages.map(() => new Set<number>());
  const withText = pages.filter((p) => p.length > 0).length;
  if (withText < 3) return out;
  for (const side of ['top', 'bottom'] as const) {
    _scan(pages, side, withText, out);
    const margin = _marginSlot(pages, side, withText, out);
    if (margin !== undefined) _scan(pages, side, withText, out, margin);
  }
  return out;
}

const _edge = (rows: PageLine[], side: 'top' | 'bottom'): PageLine[] => (side === 'top' ? rows.slice(0, _DEPTH) : rows.slice(-_DEPTH).reverse());
/** Whether a row lies further out (towards the page edge) than baseline `slot`. */
const _beyond = (row: PageLine, side: 'top' | 'bottom', slot: number): boolean => (side === 'top' ? row.y > slot + 2 : row.y < slot - 2);

/** The baseline of the outermost running line when at least half of the pages share it and at most a quarter have rows beyond it. */
function _marginSlot(pages: PageLine[][], side: 'top' | 'bottom', withText: number, out: Array<Set<number>>): number | undefined {
  const slots = new Map<number, number>();
  pages.forEach((rows, p) => {
    const outer = _edge(rows, side).find((r) => out[p]!.has(lineKey(r)));
    if (outer) slots.set(lineKey(outer), (slots.get(lineKey(outer)) ?? 0) + 1);
  });
  let best: number | undefined;
  for (const y of slots.keys()) if (best === undefined || _slotCount(slots, y) > _slotCount(slots, best)) best = y;
  if (best === undefined || _slotCount(slots, best) * 2 < withText) return undefined;
  const slot = side === 'top' ? best + 1 : best - 1; // the tolerance of `_slotCount`
  const pagesBeyond = pages.filter((rows) => rows.some((r) => _beyond(r, side, slot))).length;
  return pagesBeyond > 0 && pagesBeyond * 4 <= withText ? slot : undefined;
}

function _scan(pages: PageLine[][], side: 'top' | 'bottom', withText: number, out: Array<Set<number>>, margin?: number): void {
  const minRepeats = 3;
  const edge = (rows: PageLine[]) => _edge(rows, side);
  const shapes = new Map<string, number>();
  const slots = new Map<number, number>();
  for (const rows of pages) {
    for (const s of new Set(edge(rows).map((r) => _shape(r.text)))) shapes.set(s, (shapes.get(s) ?? 0) + 1);
    const first = edge(rows)[0];
    if (first) slots.set(lineKey(first), (slots.get(lineKey(first)) ?? 0) + 1);
  }
  pages.forEach((rows, p) => {
    const spacing = _usualSpacing(rows);
    const candidates = edge(rows);
    for (let k = 0; k < candidates.length; k++) {
      const row = candidates[k]!;
      const repeated = (shapes.get(_shape(row.text)) ?? 0) >= minRepeats;
      const next = candidates[k + 1] ?? (side === 'top' ? rows[k + 1] : rows[rows.length - k - 2]);
      const apart = next !== undefined && spacing > 0 && Math.abs(row.y - next.y) > spacing * 1.5;
      const slot = k === 0 && apart && row.text.length <= 120 && _slotCount(slots, lineKey(row)) * 2 >= withText;
      const inMargin = margin !== undefined && _beyond(row, side, margin);
      if (!repeated && !slot && !inMargin) break;
      out[p]!.add(lineKey(row));
    }
  });
}

function _slotCount(slots: Map<number, number>, y: number): number {
  return (slots.get(y - 1) ?? 0) + (slots.get(y) ?? 0) + (slots.get(y + 1) ?? 0);
}

function _usualSpacing(rows: PageLine[]): number {
  const gaps: number[] = [];
  for (let k = 1; k < rows.length; k++) gaps.push(rows[k - 1]!.y - rows[k]!.y);
  gaps.sort((a, b) => a - b);
  return gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 0;
}

/** A line's shape for matching OCR text against removed running lines: numbers masked, case and all spaces dropped, a page number at either end left out. */
const _looseShape = (text: string): string => _shape(text).replace(/\s+/g, '').replace(/^#(?=.)|(?<=.)#$/g, '');

/**
 * Remove from OCR text (a scanned page inside a PDF with a text layer) the lines that repeat a running header or
 * footer removed from the other pages (`removed`: those lines' texts), such as a journal's page header.
 */
export function dropRunningLines(text: string, removed: string[]): string {
  const shapes = new Set(removed.map(_looseShape).filter((s) => s.length > 0));
  if (shapes.size === 0) return text;
  return text
    .split('\n')
    .filter((line) => !line.trim() || !shapes.has(_looseShape(line)))
    .join('\n');
}
