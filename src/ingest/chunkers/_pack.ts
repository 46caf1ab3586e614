import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';
import { _splitUnit, type _Unit } from './_units.js';
import type { _Span } from './_windows.js';
import { _noCheck, type _Check } from './_deadline.js';

/**
 * Greedy packing: consecutive units join the current chunk while the chunk's exact token count (counted
 * over the whole range, separators included) stays within `maxTokens`. A unit that does not fit even alone
 * is split one level down and its parts packed in its place, so a cut never falls inside a unit that fits.
 */
export function _pack(tokenizer: Tokenizer, prepared: PreparedText, units: _Unit[], maxTokens: number, check: _Check = _noCheck): _Span[] {
  const chunks: _Span[] = [];
  const stack: _Unit[] = []; // parts of split units, next part last
  let next = 0;
  let cur: _Span | null = null;
  while (stack.length > 0 || next < units.length) {
    check();
    const u = stack.length > 0 ? (stack.pop() as _Unit) : (units[next++] as _Unit);
    if (cur !== null) {
      const joined = prepared.count(cur.start, u.end);
      if (joined <= maxTokens) {
        cur.end = u.end;
        cur.tokens = joined;
        continue;
      }
    }
    const alone = prepared.count(u.start, u.end);
    // A token window that re-counts above the budget is a single widened token: it goes through as is.
    if (alone <= maxTokens || u.split === 'none') {
      if (cur !== null) chunks.push(cur);
      cur = { start: u.start, end: u.end, tokens: alone };
      continue;
    }
    const parts = _splitUnit(tokenizer, prepared, u, maxTokens, check);
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as _Unit);
  }
  if (cur !== null) chunks.push(cur);
  return chunks;
}
