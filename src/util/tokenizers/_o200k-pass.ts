import { _splitsPair } from './_whitespace.js';
import { _finishHash, _tableCount, type _PieceTable } from './_piece-table.js';

/**
 * Boundaries recorded by a pass (piece ends, or the ends of whole segments of pieces) with running token
 * totals: the `i`-th boundary is `ends[i]`, the tokens before it `cum[i]`; `n` are used.
 */
export interface _PieceLog {
  ends: Int32Array;
  cum: Int32Array;
  n: number;
}

/** Where the pre-tokenizer regex's match at `p` ends (for the pieces the ASCII matcher defers). */
export type _RegexEnd = (text: string, p: number) => number;

const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const SPACE = 4;
const NEWLINE = 5;
const PUNCT = 6;
const FOREIGN = 7; // non-ASCII
const END = 0; // past the end of the range
const CLS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  CLS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : c === 10 || c === 13 ? NEWLINE : c === 32 || (c >= 9 && c <= 12) ? SPACE : PUNCT;
}

/**
 * The end of the o200k_base pre-token starting at `p` in `text[p, to)`, as if the text ended at `to`, or
 * -1 when the answer depends on a non-ASCII character (the regex decides those). A hand-written matcher
 * for the regex on ASCII, several times faster than it.
 */
export function _o200kEnd(text: string, p: number, to: number): number {
  const c = text.charCodeAt(p);
  if (c >= 128) return -1;
  const k = CLS[c] as number;
  let nk = END;
  if (p + 1 < to) {
    const d = text.charCodeAt(p + 1);
    nk = d < 128 ? (CLS[d] as number) : FOREIGN;
  }
  let i: number;
  let d: number;
  // Letters, optionally after one non-letter, non-digit, non-newline character; then a contraction.
  if (k === LOWER || k === UPPER || ((k === PUNCT || k === SPACE) && (nk === LOWER || nk === UPPER))) {
    i = k === LOWER || k === UPPER ? p : p + 1;
    while (i < to && (d = text.charCodeAt(i)) >= 65 && d <= 90) i++;
    while (i < to && (d = text.charCodeAt(i)) >= 97 && d <= 122) i++;
    if (i >= to) return i;
    d = text.charCodeAt(i);
    if (d >= 128) return -1; // a non-ASCII letter or mark may continue the word
    if (d !== 39 || i + 1 >= to) return i;
    const a = text.charCodeAt(i + 1) | 32;
    if (a === 115 || a === 100 || a === 109 || a === 116) return i + 2; // 's 'd 'm 't
    if (i + 2 >= to) return i;
    const b = text.charCodeAt(i + 2) | 32;
    if ((a === 108 && b === 108) || (a === 118 && b === 101) || (a === 114 && b === 101)) return i + 3; // 'll 've 're
    return i;
  }
  if (k === DIGIT) {
    const lim = Math.min(p + 3, to);
    i = p + 1;
    while (i < lim && (d = text.charCodeAt(i)) >= 48 && d <= 57) i++;
    return i < lim && text.charCodeAt(i) >= 128 ? -1 : i;
  }
  if (nk === FOREIGN) return -1;
  // ` ?[^\s\p{L}\p{N}]+[\r\n/]*`
  if (k === PUNCT || (c === 32 && nk === PUNCT)) {
    i = k === PUNCT ? p + 1 : p + 2;
    while (i < to && (d = text.charCodeAt(i)) < 128 && CLS[d] === PUNCT) i++;
    if (i < to && text.charCodeAt(i) >= 128) return -1;
    while (i < to && ((d = text.charCodeAt(i)) === 10 || d === 13 || d === 47)) i++;
    return i;
  }
  // Whitespace: `\s*[\r\n]+`, or `\s+(?!\S)` (leaving the last space to the next piece), or `\s+`.
  i = p;
  let lastNewline = -1;
  while (i < to) {
    d = text.charCodeAt(i);
    if (d === 10 || d === 13) lastNewline = i;
    else if (d >= 128) return -1;
    else if (CLS[d] !== SPACE) break;
    i++;
  }
  if (lastNewline >= 0) return lastNewline + 1;
  if (i >= to) return i;
  return i - p >= 2 ? i - 1 : i;
}

/**
 * Token count of `text[from, to)` counted as a text of its own: one o200k_base pre-tokenization pass with
 * memoised piece counts. With `log`, records each piece's end and the running total (offsets into `text`).
 */
export function _o200kPass(text: string, from: number, to: number, table: _PieceTable, regexEnd: _RegexEnd, log: _PieceLog | null, shift = 0, base = 0): number {
  let total = 0;
  let p = from;
  while (p < to) {
    // Fast path, fused with hashing: `[ letter-prefix]?[A-Z]*[a-z]+` ending before an ASCII non-letter other than `'`.
    let e = -1;
    let h = 0;
    let i = p;
    let c = text.charCodeAt(p);
    if (c < 128 && CLS[c] !== LOWER && CLS[c] !== UPPER && CLS[c] !== NEWLINE && CLS[c] !== DIGIT && i + 1 < to) {
      h = c;
      c = text.charCodeAt(++i);
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      while (c >= 65 && c <= 90) {
        h = ((h << 5) - h + c) | 0;
        c = ++i < to ? text.charCodeAt(i) : -1;
      }
      while (c >= 97 && c <= 122) {
        h = ((h << 5) - h + c) | 0;
        c = ++i < to ? text.charCodeAt(i) : -1;
      }
      if (c < 128 && c !== 39) e = i;
    }
    if (e < 0) {
      e = _o200kEnd(text, p, to);
      if (e < 0) {
        if (to < text.length || _splitsPair(text, p)) {
          // The regex sees the whole string (and whole code points): go on with the rest as a string of its own.
          return total + _o200kPass(text.slice(p, to), 0, to - p, table, regexEnd, log, shift + p, base + total);
        }
        e = regexEnd(text, p);
      }
      h = 0;
      for (i = p; i < e; i++) h = ((h << 5) - h + text.charCodeAt(i)) | 0;
    }
    total += _tableCount(table, text, p, e, _finishHash(h, e - p));
    p = e;
    if (log !== null) _logPiece(log, e + shift, base + total);
  }
  return total;
}

/** Appends a piece to a log, growing its arrays as needed. */
export function _logPiece(log: _PieceLog, end: number, cum: number): void {
  const n = log.n;
  if (n === log.ends.length) {
    const ends = new Int32Array(Math.max(16, n * 2));
    ends.set(log.ends);
    log.ends = ends;
    const c = new Int32Array(ends.length);
    c.set(log.cum);
    log.cum = c;
  }
  log.ends[n] = end;
  log.cum[n] = cum;
  log.n = n + 1;
}

/** Doubled copies of a log's arrays (for passes that keep the log in locals). */
export function _growLog(ends: Int32Array, cum: Int32Array, n: number): { ends: Int32Array; cum: Int32Array } {
  const e = new Int32Array(Math.max(16, n * 2));
  e.set(ends);
  const c = new Int32Array(e.length);
  c.set(cum);
  return { ends: e, cum: c };
}
