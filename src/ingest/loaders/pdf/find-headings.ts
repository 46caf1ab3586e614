import type { PageLine } from './page-layout.js';

/** A heading found on a page: it starts at a line index and spans lines `[index, end)`. */
export type PageHeadings = Map<number, { level: number; end: number }>;

interface _Block {
  page: number;
  start: number;
  end: number;
  size: number;
  /** A title at body size in its own (bold) font: levelled below every larger heading. */
  runIn?: boolean;
  level?: number;
}

const _MIN_RATIO = 1.08; // "clearly larger" than body text: ACL section titles are 12 pt over 10.9 pt body
const _MAX_WORDS = 12;
const _MAX_LEVEL = 4;

/**
 * Section titles of a PDF from font sizes, over all pages' lines in reading order (running lines already
 * left out). The body size is the size carrying the most characters. A heading is a run of consecutive lines
 * in one font at one size clearly larger than the body (a title over two lines is one heading), short (at most
 * 12 words, at most one comma), made of words (not a figure label or formula), not ending like a sentence
 * (`.`, `,`, `;`), and followed by smaller text of about body size (author and affiliation blocks are followed
 * by more large text, figure labels by none). Levels: the largest heading on page 1 (the title) is level 1,
 * the other heading sizes in descending order take the next levels (at most 4). Conservative by design: a
 * heading at body size (bold run-in titles) stays text.
 */
export function findHeadings(pages: PageLine[][]): PageHeadings[] {
  const { size: body, font } = _body(pages);
  const blocks: _Block[] = [];
  if (body > 0) pages.forEach((lines, page) => blocks.push(..._pageBlocks(lines, page, body, font)));
  const first = blocks.filter((b) => b.page === 0);
  const titleSize = Math.max(0, ...(pages[0] ?? []).map((l) => l.size));
  const title = first.find((b) => b.size >= titleSize - 0.3);
  if (title) title.level = 1;
  const sizes: number[] = [];
  for (const s of blocks.filter((b) => b !== title && !b.runIn).map((b) => b.size).sort((a, b) => b - a)) if (!sizes.some((x) => Math.abs(x - s) <= 0.3)) sizes.push(s);
  const base = title ? 2 : 1;
  for (const b of blocks) b.level ??= Math.min(_MAX_LEVEL, base + (b.runIn ? sizes.length : sizes.findIndex((x) => Math.abs(x - b.size) <= 0.3)));
  const out = pages.map((): PageHeadings => new Map());
  for (const b of blocks) out[b.page]!.set(b.start, { level: b.level!, end: b.end });
  return out;
}

/** The body text's size and font: those carrying the most characters. */
function _body(pages: PageLine[][]): { size: number; font: string } {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const lines of pages) {
    for (const l of lines) {
      sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
      fonts.set(l.font, (fonts.get(l.font) ?? 0) + l.text.length);
    }
  }
  const most = <K>(m: Map<K, number>, empty: K): K => [...m].reduce<[K, number]>((a, b) => (b[1] > a[1] ? b : a), [empty, 0])[0];
  return { size: most(sizes, 0), font: most(fonts, '') };
}

/**
 * A title at body size: a line of words only (after an optional section number `2.1`), in a font other
 * than the body's (bold), on its own between lines of other fonts, followed by body text. A run-in label
 * with a number or a formula (`Definition 3`, `Satz 1.1 (Heine-Borel)`), or a line with sentence
 * punctuation, stays text.
 */
function _runIn(l: PageLine, prev: PageLine | undefined, next: PageLine | undefined, body: number, font: string): boolean {
  const near = (x: PageLine | undefined): boolean => !!x && Math.abs(x.size - body) <= 0.3;
  return near(l) && near(next) && l.oneFont && l.font !== '' && l.font !== font && next!.font === font && next!.oneFont && (!prev || prev.font !== l.font)
    && /^(?:\d+(?:\.\d+)*\.?\s+)?\p{Lu}(?:[\p{L}\p{M}’'\- ]*\p{L})?$/u.test(l.text) && /\p{L}{3}/u.test(l.text) && l.text.split(' ').length <= 8;
}

function _pageBlocks(lines: PageLine[], page: number, body: number, font: string): _Block[] {
  const big = (l: PageLine | undefined): boolean => !!l && l.size >= body * _MIN_RATIO && /\p{L}{2}/u.test(l.text);
  const same = (a: PageLine, b: PageLine): boolean => Math.abs(a.size - b.size) <= 0.3 && a.font === b.font;
  const out: _Block[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (_runIn(lines[k]!, lines[k - 1], lines[k + 1], body, font)) {
      out.push({ page, start: k, end: k + 1, size: body, runIn: true });
      continue;
    }
    if (!big(lines[k])) continue;
    const head = lines[k]!;
    let end = k + 1;
    // The next line of a title over two lines: same font and size, just below.
    while (end < lines.length && same(head, lines[end]!) && lines[end - 1]!.y - lines[end]!.y > 0 && lines[end - 1]!.y - lines[end]!.y <= head.size * 2) end++;
    const text = lines.slice(k, end).map((l) => l.text).join(' ');
    const next = lines[end];
    const prev = lines[k - 1];
    const words = text.split(' ').filter(Boolean);
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    const ok = words.length <= _MAX_WORDS
      && (text.match(/,/g) ?? []).length <= 1
      && !/[.,;]$/.test(text)
      && letters >= text.replace(/\s/g, '').length * 0.5
      // An all-capitals line barely larger than the body is a table or figure title (`ESTIMATED COSTS—Continued`).
      && !(head.size < body * 1.2 && (text.match(/\p{Lu}/gu) ?? []).length >= letters * 0.6)
      && (!next || (next.size < head.size - 0.3 && next.size >= body * 0.88))
      && (!prev || Math.abs(prev.size - head.size) > 0.3);
    if (ok) out.push({ page, start: k, end, size: head.size });
    k = end - 1;
  }
  return out;
}
