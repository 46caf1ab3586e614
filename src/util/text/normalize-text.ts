/**
 * Normalise extracted text so that offsets, hashes and chunk boundaries are stable across loaders:
 *
 * 1. a leading byte-order mark is removed;
 * 2. line ends become `\n` (CRLF and lone CR; form feed and vertical tab too);
 * 3. terminal escape sequences (ANSI CSI such as `ESC[31m`, OSC such as window titles and hyperlinks) and
 *    every other C0/C1 control character except `\n` and `\t` are removed, and lone UTF-16 surrogates
 *    become U+FFFD, so stored text is valid UTF-8 that cannot drive a terminal;
 * 4. Unicode NFC;
 * 5. trailing whitespace is removed from every line (spaces, tabs, NBSP…, not the newline);
 * 6. runs of blank lines collapse to ONE blank line (`\n{3,}` → `\n\n`), so a paragraph break is always
 *    exactly `\n\n` — which satisfies the contract's "at most two consecutive blank lines";
 * 7. leading and trailing whitespace of the whole text is trimmed.
 *
 * Idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 */
export function normalizeText(text: string): string {
  let out = text.replace(/^\uFEFF/, '').replace(/\r\n?|[\f\v]/g, '\n');
  if (_SUSPECT.test(out)) out = out.replace(_ESCAPES, '').replace(_CONTROLS, '').replace(_LONE_SURROGATE, '\uFFFD');
  return out
    .normalize('NFC')
    // The look-behind starts a match only at the start of a whitespace run: `[^\S\n]+$` alone retried from
    // every position of a long run of spaces in mid-line (quadratic: 100 KB of spaces took over a minute).
    .replace(/(?<=\S|^)[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const _SUSPECT = /[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]/;
/** CSI (`ESC [ params final`), OSC (`ESC ] … BEL|ESC \`, unterminated up to the line end), other ESC sequences. */
const _ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?/g;
const _CONTROLS = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;
const _LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
