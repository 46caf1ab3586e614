import { _defineFileLoader } from './_file-loader.js';
import { decodeText } from './_decode-text.js';
import { asciidocToMarkdown } from './markup/asciidoc-to-markdown.js';
import { rstToMarkdown } from './markup/rst-to-markdown.js';

const _title = (markdown: string) => /^#{1,2} (.+)$/m.exec(markdown)?.[1];

/** reStructuredText (`.rst`) as Markdown-structured text (headings, fenced code): see `rstToMarkdown`. */
export const rstLoader = _defineFileLoader({
  name: 'rst',
  format: 'rst',
  extensions: ['.rst'],
  extract: async (input) => {
    const text = rstToMarkdown(decodeText(input.bytes, input.relativePath));
    const title = _title(text);
    return { text, ...(title ? { title } : {}) };
  },
});

/** AsciiDoc (`.adoc`, `.asciidoc`) as Markdown-structured text (headings, fenced code): see `asciidocToMarkdown`. */
export const asciidocLoader = _defineFileLoader({
  name: 'asciidoc',
  format: 'asciidoc',
  extensions: ['.adoc', '.asciidoc'],
  extract: async (input) => {
    const text = asciidocToMarkdown(decodeText(input.bytes, input.relativePath));
    const title = _title(text);
    return { text, ...(title ? { title } : {}) };
  },
});
