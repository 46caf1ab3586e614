import { _defineFileLoader } from './_file-loader.js';
import { htmlToMarkdown } from './_html-to-markdown.js';
import { _checkZipSizes } from './_zip-guard.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { CODE_STYLE_MAP, markCode } from './docx/mark-code.js';

/**
 * Word documents (`.docx`) via mammoth: converted to HTML, then to Markdown with the HTML path so headings
 * (`#`; Word's Title is the top heading), lists and tables survive; code (paragraphs in a monospace font or
 * a code-named style) becomes fenced code and monospace runs inline code (see `markCode`). The title is the first level-1 heading, else the file name.
 * A file that is not a valid DOCX zip is reported as FILE_MALFORMED. Before mammoth runs, the XML parts'
 * decompressed size is checked against `ingest.limits.decompressedBytes` (a 320 KB DOCX can hold 84 MB
 * of XML); images are never decompressed (only their alt text is kept).
 */
export const docxLoader = _defineFileLoader({
  name: 'docx',
  format: 'docx',
  extensions: ['.docx'],
  extract: async (input) => {
    _checkZipSizes(input.bytes, { path: input.relativePath, max: loaderLimit(input.limits, 'decompressedBytes'), isPart: (name) => /\.(xml|rels)$/i.test(name) });
    const { default: mammoth } = await import('mammoth');
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
    const { value: html } = await mammoth.convertToHtml({ buffer }, { convertImage, styleMap: CODE_STYLE_MAP, transformDocument: markCode });
    // Turndown fences <pre><code>: code paragraphs become fenced blocks, never headings or prose.
    const markdown = await htmlToMarkdown(html.replace(/<pre>([\s\S]*?)<\/pre>/g, '<pre><code>$1</code></pre>'));
    const heading = /^# (.+)$/m.exec(markdown)?.[1];
    return { text: markdown, ...(heading ? { title: heading } : {}) };
  },
});
