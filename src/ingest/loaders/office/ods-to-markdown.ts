import { _attr, _odfTokens } from './_odf-xml.js';
import { _markdownTable } from './odt-to-markdown.js';

/**
 * An OpenDocument spreadsheet's `content.xml` as Markdown: each sheet a `## name` section holding one table.
 * Repeated rows and columns (`number-rows-repeated`, `number-columns-repeated`) are expanded only when they
 * hold text (a sheet's trailing empty cells are declared as a million repeats); the expansion stops at
 * `maxCells` cells, reported by `onOverflow`.
 */
export function odsToMarkdown(content: string, { maxCells, onOverflow }: { maxCells: number; onOverflow: (cells: number) => never }): string {
  const sections: string[] = [];
  let sheet: { name: string; rows: string[][] } | undefined;
  let row: string[] | undefined;
  let rowRepeat = 1;
  let cell: { text: string[]; repeat: number; value?: string } | undefined;
  let para: string | undefined;
  let cells = 0;
  let skip = 0;
  for (const t of _odfTokens(content)) {
    if (t.kind !== 'text' && (t.name === 'office:annotation' || t.name === 'table:shapes')) {
      if (t.kind === 'open') skip++;
      else if (t.kind === 'close') skip--;
      continue;
    }
    if (skip > 0) continue;
    if (t.kind === 'text') {
      if (para !== undefined) para += t.text;
      continue;
    }
    if (t.name === 'table:table' && t.kind === 'open') sheet = { name: _attr(t.attrs, 'table:name') ?? `Sheet ${sections.length + 1}`, rows: [] };
    else if (t.name === 'table:table' && t.kind === 'close' && sheet) {
      const rows = sheet.rows.filter((r) => r.some((c) => c));
      if (rows.length) sections.push(`## ${sheet.name}\n\n${_markdownTable(rows)}`);
      sheet = undefined;
    } else if (t.name === 'table:table-row' && t.kind !== 'close') {
      row = [];
      rowRepeat = Number(_attr(t.attrs, 'table:number-rows-repeated') ?? 1) || 1;
      if (t.kind === 'empty') row = undefined;
    } else if (t.name === 'table:table-row' && t.kind === 'close' && row && sheet) {
      while (row.length && !row.at(-1)) row.pop();
      if (row.length) {
        for (let k = 0; k < rowRepeat; k++) {
          cells += row.length;
          if (cells > maxCells) onOverflow(cells);
          sheet.rows.push(row);
        }
      }
      row = undefined;
    } else if ((t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') && t.kind !== 'close') {
      const value = _attr(t.attrs, 'office:value') ?? _attr(t.attrs, 'office:date-value') ?? _attr(t.attrs, 'office:boolean-value');
      cell = { text: [], repeat: Number(_attr(t.attrs, 'table:number-columns-repeated') ?? 1) || 1, ...(value !== undefined ? { value } : {}) };
      if (t.kind === 'empty') _endCell();
    } else if ((t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') && t.kind === 'close') _endCell();
    else if (t.name === 'text:p' && t.kind === 'open') para = '';
    else if (t.name === 'text:p' && t.kind === 'close') {
      if (cell && para !== undefined) cell.text.push(para);
      para = undefined;
    } else if (para !== undefined && (t.name === 'text:s' || t.name === 'text:tab' || t.name === 'text:line-break')) para += ' ';
  }
  return sections.join('\n\n');

  function _endCell(): void {
    if (!cell || !row) return;
    const text = (cell.text.length ? cell.text.join(' ') : (cell.value ?? '')).replace(/\s+/g, ' ').trim();
    const repeat = text ? cell.repeat : Math.min(cell.repeat, 1024); // empty runs keep columns aligned; trailing ones are trimmed
    for (let k = 0; k < repeat; k++) {
      row.push(text);
      if (row.length > maxCells) onOverflow(row.length);
    }
    cell = undefined;
  }
}
