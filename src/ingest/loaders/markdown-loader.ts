import { _defineFileLoader } from './_file-loader.js';
import { decodeText } from './_decode-text.js';
import { normalizeText } from '../../util/text/normalize-text.js';
import { parseAccessList } from '../../util/parse-access-list.js';
import { cleanMarkdownDialect } from './markdown/clean-markdown-dialect.js';
import { parseFrontMatter } from './markdown/parse-front-matter.js';

/**
 * Markdown (`.md`, `.markdown`). YAML front matter is removed from the text and parsed as YAML; its `title`
 * goes to the title, every other key (lists and nested maps kept) to metadata. Dialect artefacts (`{ #id }`
 * heading attributes, HTML comments, `///` block markers) are removed outside code (see `cleanMarkdownDialect`). Otherwise the title is the first level-1 heading
 * (ATX `# Title` or setext `Title\n===`), else the file name. An `acl: user:alice, group:eng` key is the document's access list (not metadata).
 */
export const markdownLoader = _defineFileLoader({
  name: 'markdown',
  format: 'markdown',
  extensions: ['.md', '.markdown', '.mdx'],
  extract: async (input) => {
    const { body: raw, fields } = parseFrontMatter(normalizeText(decodeText(input.bytes, input.relativePath)));
    const body = cleanMarkdownDialect(raw);
    const { title: fmTitle, acl, ...metadata } = fields;
    const title = typeof fmTitle === 'string' && fmTitle ? fmTitle : _firstHeading(body);
    return { text: body, metadata, ...(title ? { title } : {}), ...(acl !== undefined ? { acl: parseAccessList(String(acl), `front-matter acl in ${input.relativePath}`) } : {}) };
  },
});

/**
 * The first level-1 heading, ATX (`# Title #`) or setext (`Title` over `===`), scanned line by line: the
 * single regex this replaces backtracked polynomially on a long line of spaces (100 KB took 73 s).
 */
function _firstHeading(text: string): string | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const atx = /^ {0,3}#[ \t]/.exec(line);
    if (atx) {
      let title = line.slice(atx[0].length).trim();
      const closing = /[ \t]#+$/.exec(title);
      if (closing) title = title.slice(0, closing.index).trimEnd();
      else if (/^#+$/.test(title)) title = '';
      if (title) return title;
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && /^\S/.test(line) && /^ {0,3}=+[ \t]*$/.test(next)) return line;
  }
  return undefined;
}
