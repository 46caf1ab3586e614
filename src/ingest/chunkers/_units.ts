import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';
import { splitSentences } from '../../util/text/sentences.js';
import { _isListMarker, type _Block } from './_markdown.js';
import { _tokenWindows } from './_windows.js';
import { _noCheck, type _Check } from './_deadline.js';

/**
 * A packable range and how to split it when it alone exceeds the budget: blocks into list items or lines,
 * those into sentences, sentences into token windows.
 */
export interface _Unit {
  start: number;
  end: number;
  split: 'items' | 'lines' | 'sentences' | 'windows' | 'none';
}

/** The unit for a Markdown block. */
export function _blockUnit(block: _Block): _Unit {
  const split = block.kind === 'list' ? 'items' : block.kind === 'table' || block.kind === 'code' ? 'lines' : 'sentences';
  return { start: block.start, end: block.end, split };
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Splits a unit one level down. Token windows are the last level; they always fit. */
export function _splitUnit(tokenizer: Tokenizer, prepared: PreparedText, unit: _Unit, maxTokens: number, check: _Check = _noCheck): _Unit[] {
  const text = prepared.text;
  if (unit.split === 'sentences') {
    const spans = splitSentences(text, unit.start, unit.end);
    if (spans.length > 1) return spans.map(([start, end]) => ({ start, end, split: 'windows' }));
  }
  if (unit.split === 'sentences' || unit.split === 'windows' || unit.split === 'none') {
    return _tokenWindows(tokenizer, prepared, unit.start, unit.end, maxTokens, 0, true, check).map((w) => ({ start: w.start, end: w.end, split: 'none' }));
  }
  // Lines, or list items (a line opening with a list marker starts an item).
  const out: _Unit[] = [];
  let itemStart = -1;
  let itemEnd = -1;
  const flush = () => {
    if (itemStart >= 0) out.push({ start: itemStart, end: itemEnd, split: 'sentences' });
  };
  let pos = unit.start;
  while (pos < unit.end) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > unit.end) lineEnd = unit.end;
    let f = pos;
    while (f < lineEnd && isSpace(text.charCodeAt(f))) f++;
    let e = lineEnd;
    while (e > f && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > f) {
      if (unit.split === 'lines' || itemStart < 0 || _isListMarker(text, f, e)) {
        flush();
        itemStart = f;
      }
      itemEnd = e;
    }
    pos = lineEnd + 1;
  }
  flush();
  if (unit.split === 'lines') for (const u of out) u.split = 'windows';
  return out.length > 1 ? out : [{ ...unit, split: unit.split === 'lines' ? 'windows' : 'sentences' }];
}
