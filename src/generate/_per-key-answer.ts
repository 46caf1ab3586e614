import { analyze } from '../util/text/analyzer.js';
import type { _Unit } from './_sentence-units.js';

/** A pool unit as the extractive answerer keeps it: the unit and its source number. */
export interface _PoolUnit extends _Unit {
  n: number;
}

// "… per plan", "for each region", "by country", "on every tier": the question asks for one value per row.
const PER_KEY = /\b(?:per|for each|for every|on each|on every|by|in each)\s+([\p{L}-]+)/iu;

/**
 * A "per key" question answered from a table ("What are the API rate limits per plan?"): when the best unit is a
 * table row and the table has a column named by the key, every row of that table, as "Key: value" with the value
 * column the question names (else the first other column; a bare number keeps its column's name as its unit).
 */
export function _perKeyAnswer(question: string, best: _PoolUnit, pool: readonly _PoolUnit[], qSet: ReadonlySet<string>): { rows: _PoolUnit[]; span: string } | undefined {
  const m = PER_KEY.exec(question);
  const key = m ? analyze(m[1]!)[0] : undefined;
  const table = best.table;
  if (!key || !table) return undefined;
  // The key is the table's first column ("Plan"), and the question names none of its rows ("the Enterprise plan").
  const keyCol = 0;
  if (!analyze(table.header[0] ?? '').includes(key)) return undefined;
  const others = table.header.map((_, i) => i).filter((i) => i !== keyCol);
  const asked = others.find((i) => analyze(table.header[i]!).some((t) => qSet.has(t) && t !== key));
  const valueCol = asked ?? others[0];
  if (valueCol === undefined) return undefined;
  const rows = pool.filter((u) => u.n === best.n && u.table?.at === table.at);
  const named = (u: _PoolUnit) => analyze(u.table!.cells[keyCol] ?? '').some((t) => qSet.has(t));
  if (rows.length < 2 || rows.some(named)) return undefined;
  const value = (cells: readonly string[]) => {
    const v = cells[valueCol] ?? '';
    return /^[$€£]?\s?\d[\d,.]*\s?%?$/.test(v) ? `${v} ${table.header[valueCol]!.toLowerCase()}` : v;
  };
  return { rows, span: rows.map((r) => `${r.table!.cells[keyCol]}: ${value(r.table!.cells)}`).join('; ') };
}

/**
 * The answer cell of a table row (the span of a row, never its header): among the cells the question does not
 * already say, the one under the header sharing most of the question's terms, else the first such cell.
 */
export function _cellSpan(table: NonNullable<_Unit['table']>, qSet: ReadonlySet<string>): string | undefined {
  const cells = table.cells.map((c, i) => ({ c, i, terms: analyze(c) })).filter((x) => x.c !== '' && !(x.terms.length > 0 && x.terms.every((t) => qSet.has(t))));
  const named = (i: number) => analyze(table.header[i] ?? '').filter((t) => qSet.has(t)).length;
  const best = cells.sort((a, b) => named(b.i) - named(a.i) || a.i - b.i)[0];
  if (!best || best.c.split(/\s+/).length > 10) return undefined;
  // Trim the question's own words from the cell's ends ("minimum 20" → "20" for "the minimum number of seats").
  const words = best.c.split(/\s+/);
  const own = (w: string) => analyze(w).every((t) => qSet.has(t));
  while (words.length > 1 && own(words[0]!)) words.shift();
  while (words.length > 1 && own(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}
