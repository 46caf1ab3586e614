/**
 * Normalise extracted text so that offsets, hashes and chunk boundaries are stable across loaders:
 *
 * 1. a leading byte-order mark is removed;
 * 2. line ends become `\n` (CRLF and lone CR);
 * 3. Unicode NFC;
 * 4. trailing whitespace is removed from every line (spaces, tabs, NBSP…, not the newline);
 * 5. runs of blank lines collapse to ONE blank line (`\n{3,}` → `\n\n`), so a paragraph break is always
 *    exactly `\n\n` — which satisfies the contract's "at most two consecutive blank lines";
 * 6. leading and trailing whitespace of the whole text is trimmed.
 *
 * Idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
