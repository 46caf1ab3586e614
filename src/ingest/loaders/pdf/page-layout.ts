/**
 * Reading order for one PDF page from pdf.js text items: columns are found from vertical gutters (x ranges
 * almost no line crosses), rows that cross a gutter (titles, full-width figures) split the page into regions,
 * and each region is read column by column, top to bottom. Lines whose vertical gap is well above the page's
 * usual spacing start a new paragraph (blank line).
 */

import { composeAccent, startsWithSpacingAccent } from './join-spacing-accents.js';

/** A positioned text item (from pdf.js `getTextContent`): baseline origin, width and font height in points. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Rotated text (a margin note or a landscape table). */
  rotated?: boolean;
  /** pdf.js font id (`g_d0_f3`): the same id is the same font throughout the document. */
  fontName?: string;
}

/** One line of a page: its text, baseline y and x extent. */
export interface PageLine {
  text: string;
  y: number;
  x0: number;
  x1: number;
  /** Font size (item height) carrying most of the line's characters, rounded to 0.1 pt. */
  size: number;
  /** pdf.js font id carrying most of the line's characters ('' when unknown). */
  font: string;
  /** Whether every character of the line is in that font. */
  oneFont: boolean;
}

/** Rows of a page (items on one baseline, across columns), top first: used to find running headers and footers. */
export function pageRows(items: TextItem[]): PageLine[] {
  return _rows(_kept(items)).map(_line);
}

function _kept(items: TextItem[]): TextItem[] {
  const visible = items.filter((i) => i.str.trim() !== '');
  const rotated = visible.filter((i) => i.rotated).length;
  // A margin note is rotated on an upright page; a landscape page keeps all its (rotated) text.
  return rotated * 2 < visible.length ? visible.filter((i) => !i.rotated) : visible;
}

/** The page's text in reading order, with `skip` rows (by baseline y) left out. */
export function pageText(items: TextItem[], skipRows: Set<number> = new Set()): { text: string; columns: number } {
  const { lines, columns } = pageLines(items, skipRows);
  return { text: linesText(lines), columns };
}

/** The page's lines in reading order (what `pageText` joins), with `skip` rows left out. */
export function pageLines(items: TextItem[], skipRows: Set<number> = new Set()): { lines: PageLine[]; columns: number } {
  const kept = _kept(items).filter((i) => !skipRows.has(Math.round(i.y)));
  const rows = _rows(kept).filter((r) => !skipRows.has(_rowKey(r)));
  const gutters = _gutters(rows);
  // The text layer's own order is kept when it already reads column by column (most producers write it
  // so); it is rebuilt from positions only when it interleaves the columns line by line.
  if (gutters.length === 0 || !_interleaves(kept, gutters, rows.length)) return { lines: _streamLines(kept), columns: gutters.length + 1 };
  const regions: TextItem[][][] = []; // regions → columns → items
  let current: TextItem[][] | undefined;
  for (const row of rows) {
    const spans = row.some((i) => gutters.some(([a, b]) => i.x <= a + 1 && i.x + i.width >= b - 1)); // an item across a whole gutter
    if (spans || gutters.length === 0) {
      current = undefined;
      regions.push([row]);
      continue;
    }
    current ??= (regions.push(Array.from({ length: gutters.length + 1 }, () => [])), regions.at(-1)!);
    for (const i of row) current[_column(i, gutters)]!.push(i);
  }
  const lines: PageLine[] = [];
  for (const region of regions) for (const column of region) for (const row of _rows(column)) lines.push(_line(row));
  return { lines, columns: gutters.length + 1 };
}

/** Whether the stream order switches between columns more often than a column-by-column layout would. */
function _interleaves(items: TextItem[], gutters: Array<[number, number]>, rows: number): boolean {
  let switches = 0;
  let last = -1;
  for (const i of items) {
    if (gutters.some(([a, b]) => i.x <= a + 1 && i.x + i.width >= b - 1)) continue;
    const c = _column(i, gutters);
    if (last >= 0 && c !== last) switches++;
    last = c;
  }
  return switches > Math.max(6, rows * 0.2);
}

/** Lines in the text layer's order: a new line where the baseline moves or the text goes back left. */
function _streamLines(items: TextItem[]): PageLine[] {
  const lines: PageLine[] = [];
  let row: TextItem[] = [];
  for (const i of items) {
    const prev = row.at(-1);
    if (prev && (Math.abs(prev.y - i.y) > Math.max(1, Math.min(prev.height, i.height) * 0.4) || i.x < prev.x - 1)) {
      lines.push(_line(row));
      row = [];
    }
    row.push(i);
  }
  if (row.length > 0) lines.push(_line(row));
  return lines;
}

/** The row key of a line (rounded baseline). */
export const lineKey = (line: PageLine): number => Math.round(line.y);
const _rowKey = (row: TextItem[]): number => Math.round(row[0]!.y);

function _rows(items: TextItem[]): TextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const i of sorted) {
    const last = rows.at(-1);
    const tolerance = Math.max(1, Math.min(i.height, last?.[0]!.height ?? i.height) * 0.4);
    if (last && Math.abs(last[0]!.y - i.y) <= tolerance) last.push(i);
    else rows.push([i]);
  }
  for (const r of rows) r.sort((a, b) => a.x - b.x);
  return rows;
}

function _line(row: TextItem[]): PageLine {
  let text = '';
  let end = -Infinity;
  const bySize = new Map<number, number>();
  const byFont = new Map<string, number>();
  for (const i of row) {
    const chars = i.str.replace(/\s/g, '').length;
    const size = Math.round(i.height * 10) / 10;
    bySize.set(size, (bySize.get(size) ?? 0) + chars);
    byFont.set(i.fontName ?? '', (byFont.get(i.fontName ?? '') ?? 0) + chars);
    // A gap wider than a fifth of the font size is a word break the text layer did not spell out.
    if (text && !/\s$/.test(text) && !/^\s/.test(i.str) && i.x - end > Math.max(1, i.height) * 0.2) text += ' ';
    // An item that starts with a spacing accent drawn back over the previous glyph (its x a quarter of the font
    // size or more left of where the line had reached: iText's `Aviac` `¸a` `˜o`) accents that glyph, whatever
    // the text order says; TeX draws the accent before its letter and does not move back, so this never fires there.
    const onPrevious = text && startsWithSpacingAccent(i.str) && end - i.x >= Math.max(1, i.height) * 0.25 ? composeAccent(text.at(-1)!, i.str[0]!) : undefined;
    text = onPrevious ? text.slice(0, -1) + onPrevious + i.str.slice(1) : text + i.str;
    end = Math.max(end, i.x + i.width);
  }
  const most = <K>(m: Map<K, number>, empty: K): K => [...m].reduce<[K, number]>((a, b) => (b[1] > a[1] ? b : a), [empty, -1])[0];
  return { text: text.replace(/\s+/g, ' ').trim(), y: row[0]!.y, x0: row[0]!.x, x1: end, size: most(bySize, 0), font: most(byFont, ''), oneFont: [...byFont.values()].filter((n) => n > 0).length <= 1 };
}

/** x ranges that at most a few rows cross, with enough text on both sides: the gaps between columns. */
function _gutters(rows: TextItem[][]): Array<[number, number]> {
  if (rows.length < 6) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    for (const i of r) {
      lo = Math.min(lo, i.x);
      hi = Math.max(hi, i.x + i.width);
    }
  }
  const width = Math.ceil(hi - lo);
  if (!(width > 50)) return [];
  const cover = new Int32Array(width + 1);
  for (const r of rows) {
    const seen = new Uint8Array(width + 1);
    for (const i of r) for (let b = Math.max(0, Math.floor(i.x - lo)); b <= Math.min(width, Math.ceil(i.x + i.width - lo) - 1); b++) seen[b] = 1;
    for (let b = 0; b <= width; b++) cover[b]! += seen[b]!;
  }
  const max = cover.reduce((m, c) => Math.max(m, c), 0);
  const limit = Math.max(1, Math.floor(max * 0.25)); // titles, figures and footers cross the gutters
  const gutters: Array<[number, number]> = [];
  for (let b = 0; b <= width; ) {
    if (cover[b]! > limit) {
      b++;
      continue;
    }
    let e = b;
    while (e <= width && cover[e]! <= limit) e++;
    // At least 4 pt wide, inside the text block, with a column of text on each side.
    if (e - b >= 4 && b > width * 0.15 && e < width * 0.85) gutters.push([lo + b, lo + e]);
    b = e;
  }
  return gutters;
}

function _column(i: TextItem, gutters: Array<[number, number]>): number {
  const mid = i.x + i.width / 2;
  let c = 0;
  while (c < gutters.length && mid > gutters[c]![0]) c++;
  return c;
}

/**
 * Lines joined with newlines; a vertical gap well above the usual spacing starts a paragraph (a jump upwards,
 * to the next column, continues it). `headings` (see `findHeadings`) maps a line index to a heading that
 * spans lines `[index, end)`: it is written as one Markdown heading line set apart by blank lines.
 */
export function linesText(lines: PageLine[], headings: Map<number, { level: number; end: number }> = new Map()): string {
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const g = lines[k - 1]!.y - lines[k]!.y;
    if (g > 0) gaps.push(g);
  }
  gaps.sort((a, b) => a - b);
  const usual = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 0;
  let out = '';
  let afterHeading = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const heading = headings.get(k);
    if (heading) {
      const title = lines.slice(k, heading.end).map((l) => l.text).filter(Boolean).join(' ');
      out += `${out ? '\n\n' : ''}${'#'.repeat(heading.level)} ${title}`;
      afterHeading = true;
      k = heading.end - 1;
      continue;
    }
    if (!line.text) continue;
    if (out) {
      const g = lines[k - 1]!.y - line.y;
      out += afterHeading || (usual > 0 && g > usual * 1.6) ? '\n\n' : '\n';
    }
    afterHeading = false;
    out += line.text;
  }
  return out;
}
