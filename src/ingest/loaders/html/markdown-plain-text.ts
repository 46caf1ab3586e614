/**
 * A plain-text rendering of Markdown for measuring and matching: backslash escapes, backticks, `*`/`**` emphasis
 * markers (turndown's; `_` is left alone so `a__b` identifiers survive), heading/quote/list markers and fence lines are dropped, `[text](url)` becomes `text`, table pipes
 * become spaces. Not a renderer: it only has to agree with what a reader sees, character for character.
 */
export function markdownPlainText(markdown: string): string {
  return markdown
    .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, '')
    .replace(/!?\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/^ {0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/`+/g, '')
    .replace(/(?<!\\)\*\*(?=\S)([\s\S]*?[^\s\\])\*\*/g, '$1')
    .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]*?[^\s\\])\*(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'=])/g, '$1');
}
