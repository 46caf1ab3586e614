/**
 * A hand-written matcher for the o200k_base pre-tokenizer regex on ASCII, ~5× faster than the regex.
 * `_o200kPieceEnd(text, p)` returns where the regex's match at `p` ends, or -1 whenever the answer would
 * depend on a non-ASCII character (the caller then runs the real regex for that one piece; the regex has
 * no look-behind, so switching between the two at any piece boundary is exact).
 */
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const SPACE = 4;
const NEWLINE = 5;
const PUNCT = 6;
const cls = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  cls[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : c === 10 || c === 13 ? NEWLINE : c === 32 || (c >= 9 && c <= 12) ? SPACE : PUNCT;
}
const END = 0; // past the end of the text
const FOREIGN = 7; // non-ASCII

function at(text: string, i: number): number {
  if (i >= text.length) return END;
  const c = text.charCodeAt(i);
  return c < 128 ? (cls[c] as number) : FOREIGN;
}

function contraction(text: string, e: number): number {
  if (text.charCodeAt(e) !== 39) return e;
  const a = text.charCodeAt(e + 1) | 32;
  if (a === 115 || a === 100 || a === 109 || a === 116) return e + 2; // s d m t
  const b = text.charCodeAt(e + 2) | 32;
  if ((a === 108 && b === 108) || (a === 118 && b === 101) || (a === 114 && b === 101)) return e + 3; // ll ve re
  return e;
}

export function _o200kPieceEnd(text: string, p: number): number {
  const c = at(text, p);
  const n = at(text, p + 1);
  if (c === FOREIGN) return -1;
  // Letters, optionally after one non-letter, non-digit, non-newline character.
  if (c === LOWER || c === UPPER || ((c === PUNCT || c === SPACE) && (n === LOWER || n === UPPER))) {
    let i = c === LOWER || c === UPPER ? p : p + 1;
    const len = text.length;
    let d = text.charCodeAt(i);
    while (d >= 65 && d <= 90) d = text.charCodeAt(++i);
    while (d >= 97 && d <= 122) d = text.charCodeAt(++i);
    if (i < len && d >= 128) return -1; // a non-ASCII letter or mark may continue the word
    const e = contraction(text, i);
    return e;
  }
  if (n === FOREIGN && c !== DIGIT) return -1;
  if (c === DIGIT) {
    let i = p + 1;
    while (i < p + 3 && at(text, i) === DIGIT) i++;
    if (i < p + 3 && at(text, i) === FOREIGN) return -1;
    return i;
  }
  // ` ?[^\s\p{L}\p{N}]+[\r\n/]*`
  if (c === PUNCT || (text.charCodeAt(p) === 32 && n === PUNCT)) {
    let i = c === PUNCT ? p + 1 : p + 2;
    let k = at(text, i);
    while (k === PUNCT) k = at(text, ++i);
    if (k === FOREIGN) return -1;
    for (;;) {
      const d = text.charCodeAt(i);
      if (d === 10 || d === 13 || d === 47) i++;
      else break;
    }
    return i;
  }
  // Whitespace run W from p.
  let i = p;
  let lastNewline = -1;
  let k = c;
  while (k === SPACE || k === NEWLINE) {
    if (k === NEWLINE) lastNewline = i;
    k = at(text, ++i);
  }
  if (k === FOREIGN) return -1;
  if (lastNewline >= 0) return lastNewline + 1; // \s*[\r\n]+
  if (k === END) return i; // \s+(?!\S) up to the end
  return i - p >= 2 ? i - 1 : i; // \s+(?!\S) leaves the last space to the next piece; else \s+
}
