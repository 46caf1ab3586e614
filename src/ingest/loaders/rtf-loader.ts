import { FathomError } from '../../util/errors.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { _defineFileLoader } from './_file-loader.js';
import { rtfToMarkdown } from './rtf/rtf-to-markdown.js';

/**
 * Rich Text Format (`.rtf`, WordPad, TextEdit, exports of older word processors) with a small bounded parser
 * (no well-kept RTF library is installed): paragraphs, headings from "heading N" styles or outline levels,
 * tables, monospace paragraphs as fenced code, code-page and Unicode escapes. Group nesting is bounded by
 * `ingest.limits.depth`. A file that does not start with `{\rtf`, or ends inside a group (truncated), is FILE_MALFORMED.
 */
export const rtfLoader = _defineFileLoader({
  name: 'rtf',
  format: 'rtf',
  extensions: ['.rtf'],
  extract: async (input) => {
    const rtf = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString('latin1');
    if (!/^\s*\{\\rtf/.test(rtf.slice(0, 64))) throw new FathomError({ code: 'FILE_MALFORMED', message: `'${input.relativePath}' is not an RTF file (it does not start with {\\rtf): check the file or exclude it.`, details: { path: input.relativePath } });
    const maxDepth = loaderLimit(input.limits, 'depth');
    const onTooDeep = (depth: number): never => {
      throw limitExceeded({ path: input.relativePath, limit: 'depth', value: depth, max: maxDepth, what: 'its groups nest', atLeast: true });
    };
    const { markdown, title, truncated } = rtfToMarkdown(rtf, { maxDepth, onTooDeep });
    if (truncated) throw new FathomError({ code: 'FILE_MALFORMED', message: `'${input.relativePath}' ends inside an RTF group (the file is truncated): check the file or exclude it.`, details: { path: input.relativePath } });
    return { text: markdown, ...(title ? { title } : {}) };
  },
});
