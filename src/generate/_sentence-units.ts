import { splitSentences } from '../util/text/sentences.js';

/** A quotable unit of a source: a sentence, list item or table row (rendered with its header). */
export interface _Unit {
  /** Offsets in the source text. */
  start: number;
  end: number;
  /** Text to quote (Markdown emphasis and list markers removed; table rows as "Header: cell; …"). */
  quote: string;
  /** The nearest Markdown heading above the unit in the source, '' when none. */
  heading: string;
  /** A table row under a header: the header's cells, the row's cells and where the table's header starts. */
  table?: { header: string[]; cells: string[]; at: number };
}

/** Splits a source into quotable units, skipping headings, table separators and fences. */
export function _sentenceUnits(text: string): _Unit[] {
  const units: _Unit[] = [];
  let header: string[] | undefined;
  let headerEnd = -1;
  let headerStart = -1;
  let heading = '';
  for (const [start, end] of splitSentences(text)) {
    const raw = text.slice(start, end);
    if (/^#{1,6}\s/.test(raw)) {
      heading = raw.replace(/^#+\s*/, '');
      continue;
    }
    if (/^(?:```|~~~)/.test(raw)) continue;
    if (raw.startsWith('|')) {
      const cells = raw.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      const next = text.slice(end).match(/^\s*\n\s*\|([\s:|-]+)\|?\s*(?:\n|$)/);
      if (next && /-{2,}/.test(next[1]!)) {
        header = cells;
        headerEnd = end;
        headerStart = start;
        continue;
      }
      const usable = header && start > headerEnd && header.length === cells.length;
      const quote = usable ? cells.map((c, i) => (header![i] ? `${header![i]}: ${c}` : c)).join('; ') : cells.join('; ');
      units.push({ start, end, quote: _plain(quote), heading, ...(usable ? { table: { header: header!.map(_plain), cells: cells.map(_plain), at: headerStart } } : {}) });
      continue;
    }
    header = undefined;
    units.push({ start, end, quote: _plain(raw), heading });
  }
  return units;
}

function _plain(s: string): string {
  return s.replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/, '').replace(/\*\*|__/g, '').replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=$|[\s.,;:)])/g, '$1$2').replace(/^\*(?=[\p{L}\p{N}])|(?<=[.!?])\*$/gu, '').replace(/\s+/g, ' ').trim();
}
