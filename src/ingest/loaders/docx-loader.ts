import { _defineFileLoader } from './_file-loader.js';
import { htmlToMarkdown } from './_html-to-markdown.js';

/**
 * Word documents (`.docx`) via mammoth: converted to HTML, then to Markdown with the HTML path so headings
 * (`#`), lists and tables survive. The title is the first level-1 heading, else the file name.
 * A file that is not a valid DOCX zip is reported as FILE_MALFORMED.
 */
export const docxLoader = _defineFileLoader({
  name: 'docx',
  format: 'docx',
  extensions: ['.docx'],
  extract: async (input) => {
    const { default: mammoth } = await import('mammoth');
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) });
    const markdown = await htmlToMarkdown(html);
    const heading = /^# (.+)$/m.exec(markdown)?.[1];
    return { text: markdown, ...(heading ? { title: heading } : {}) };
  },
});
