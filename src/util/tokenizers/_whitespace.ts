const ws = /\s/;

/** True when the UTF-16 unit at `i` is whitespace (as the pre-tokenizer regexes' `\s`). */
export function _isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return ws.test(text[i] as string);
}

/** True when offset `i` falls between the two halves of a surrogate pair. */
export function _splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const lo = text.charCodeAt(i);
  const hi = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
}
