/**
 * A UAX#29-like word scanner (the part of Lucene's StandardTokenizer that matters for search): runs of
 * letters, digits, marks and underscores; MidLetter punctuation joins letters ("can't", "e.g"), MidNum
 * punctuation joins digits ("1,000.5"); Han and Hiragana characters are one token each. Hand-written
 * (a character-class table instead of a Unicode regex) because it is ~5× faster.
 */
const OTHER = 0, LETTER = 1, DIGIT = 2, EXTEND = 3, IDEOGRAPH = 4;
const midLetter = new Set([0x27, 0x2e, 0x3a, 0xb7, 0x2018, 0x2019, 0x2027, 0xfe13, 0xfe55, 0xff07, 0xff0e, 0xff1a]);
const midNum = new Set([0x27, 0x2c, 0x2e, 0x3b, 0x2018, 0x2019, 0x66b, 0x66c, 0xfe50, 0xfe54, 0xff07, 0xff0c, 0xff0e, 0xff1b]);
const maxTokenLength = 255;

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ascii[c] = /[A-Za-z]/.test(ch) ? LETTER : /[0-9]/.test(ch) ? DIGIT : ch === '_' ? EXTEND : OTHER;
}
const classCache = new Map<number, number>();
const ideograph = /[\p{sc=Han}\p{sc=Hiragana}]/u;

function _classify(cp: number): number {
  if (cp < 128) return ascii[cp]!;
  let k = classCache.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = ideograph.test(ch) ? IDEOGRAPH : /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : /[\p{M}\p{Pc}]/u.test(ch) ? EXTEND : OTHER;
    classCache.set(cp, k);
  }
  return k;
}

/** The words of `text`, in order. */
export function _scanWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  let last = OTHER; // class of the last letter/digit in the current token
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const k = _classify(cp);
    if (k === LETTER || k === DIGIT || k === EXTEND) {
      if (start < 0) start = i;
      if (k !== EXTEND) last = k;
    } else if (k === IDEOGRAPH) {
      if (start >= 0) _emit(out, text, start, i);
      start = -1;
      out.push(text.slice(i, i + width));
    } else if (start >= 0) {
      const next = i + width < text.length ? _classify(text.codePointAt(i + width)!) : OTHER;
      const joins = (last === LETTER && next === LETTER && midLetter.has(cp)) || (last === DIGIT && next === DIGIT && midNum.has(cp));
      if (!joins) {
        _emit(out, text, start, i);
        start = -1;
        last = OTHER;
      }
    }
    i += width;
  }
  if (start >= 0) _emit(out, text, start, text.length);
  return out;
}

function _emit(out: string[], text: string, start: number, end: number): void {
  if (end - start <= maxTokenLength) out.push(text.slice(start, end));
  else for (let s = start; s < end; s += maxTokenLength) out.push(text.slice(s, Math.min(end, s + maxTokenLength)));
}
