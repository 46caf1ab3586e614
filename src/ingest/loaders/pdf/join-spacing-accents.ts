/** Spacing accents (as TeX and some producers draw them, as separate glyphs) → the combining mark they stand for. */
const _MARKS: Record<string, string> = { '\u00a8': '\u0308', '\u00b4': '\u0301', '\u02c6': '\u0302', '\u02dc': '\u0303', '\u00b8': '\u0327', '\u02c7': '\u030c', '\u02d8': '\u0306', '\u02d9': '\u0307', '\u02da': '\u030a', '\u02dd': '\u030b', '\u00af': '\u0304' };

/** `letter` with spacing accent `accent` as one precomposed character (`c` + `¸` → `ç`), else undefined. */
export function composeAccent(letter: string, accent: string): string | undefined {
  const mark = _MARKS[accent];
  if (!mark || !/^\p{L}$/u.test(letter)) return undefined;
  const c = `${letter}${mark}`.normalize('NFC');
  return c.length === 1 ? c : undefined;
}

/** Whether `s` starts with a spacing accent glyph. */
export const startsWithSpacingAccent = (s: string): boolean => /^[\u00a8\u00b4\u02c6\u02dc\u00b8\u02c7\u02d8\u02d9\u02da\u02dd\u00af]/u.test(s);

/**
 * Join accents that a PDF's text layer holds as separate spacing glyphs with their letter: `F¨arber` →
 * `Färber`, `Boji´c` → `Bojić`, `Ageˆncia` → `Agência`, `c¸` → `ç`. The accent goes on the letter after it
 * (TeX draws it first) when that makes one precomposed character, else on the letter before when a letter follows (the cedilla always goes on the letter before). An acute used as an apostrophe (`don´t`, `John´s`) is left alone.
 */
export function joinSpacingAccents(text: string): string {
  if (!/[\u00a8\u00b4\u02c6\u02dc\u00b8\u02c7\u02d8\u02d9\u02da\u02dd\u00af]/u.test(text)) return text;
  return text.replace(/(\p{L}?)([\u00a8\u00b4\u02c6\u02dc\u00b8\u02c7\u02d8\u02d9\u02da\u02dd\u00af])(\p{L}?)(?=(\p{L}*))/gu, (m, before: string, accent: string, after: string, rest: string) => {
    if (accent === '\u00b4' && before && /^(?:s|t|d|m|ll|re|ve)$/.test(after + rest)) return m;
    const compose = (letter: string): string | undefined => composeAccent(letter, accent);
    const onAfter = accent !== '\u00b8' && after ? compose(after) : undefined;
    if (onAfter) return before + onAfter;
    const onBefore = before && after ? compose(before) : undefined; // inside a word: `MSˆ2` is a superscript
    return onBefore ? onBefore + after : m;
  });
}
