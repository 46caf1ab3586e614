import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';
import { _noCheck, type _Check } from './_deadline.js';

/** A range of the source with its exact token count. */
export interface _Span {
  start: number;
  end: number;
  tokens: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 12 || c === 11;

/**
 * Token windows over `[start, end)`: each at most `maxTokens` (checked by re-counting the window's own text,
 * since a cut can re-tokenise differently), consecutive windows sharing about `overlap` tokens. With `trim`,
 * window edges skip whitespace.
 */
export function _tokenWindows(tokenizer: Tokenizer, prepared: PreparedText, start: number, end: number, maxTokens: number, overlap = 0, trim = true, check: _Check = _noCheck): _Span[] {
  const text = prepared.text;
  const { offsets } = tokenizer.encode(text.slice(start, end));
  const out: _Span[] = [];
  const n = offsets.length;
  let i = 0;
  while (i < n) {
    check();
    let j = Math.min(n, i + maxTokens);
    let span: _Span | null = null;
    for (;;) {
      let a = start + (offsets[i] as [number, number])[0];
      let b = start + (offsets[j - 1] as [number, number])[1];
      if (trim) {
        while (a < b && isSpace(text.charCodeAt(a))) a++;
        while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      }
      if (b <= a) break;
      const tokens = prepared.count(a, b);
      // A single token always goes through (a widened partial character can re-count as two).
      if (tokens <= maxTokens || j === i + 1) {
        span = { start: a, end: b, tokens };
        break;
      }
      j--;
    }
    if (span) {
      const last = out.at(-1);
      if (!last || span.end > last.end) out.push(span);
    }
    if (j >= n) break;
    i = Math.max(i + 1, j - overlap);
  }
  return out;
}
