/**
 * Join words hyphenated at line ends in PDF text: `differ-\nent` and `differ- ent` (pdf.js joins lines
 * with a space) become `different`. Only between lower-case letters, and not before `and`/`or`/`to`
 * (`pre- and post-processing` keeps its hyphen).
 */
export function joinHyphenation(text: string): string {
  return text.replace(/(\p{Ll}{2})-(?:[ \t]*\n[ \t]*| )(?!(?:and|or|to|und|oder|bis)\b)(\p{Ll})/gu, '$1$2');
}
