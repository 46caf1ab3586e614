import { _defineFileLoader } from './_file-loader.js';
import { decodeText } from './_decode-text.js';
import { normalizeText } from '../../util/normalize-text.js';

/**
 * Markdown (`.md`, `.markdown`). YAML front matter is removed from the text; its `title` and other
 * `key: value` scalars go to the title and metadata. Otherwise the title is the first level-1 heading
 * (ATX `# Title` or setext `Title\n===`), else the file name.
 */
export const markdownLoader = _defineFileLoader({
  name: 'markdown',
  format: 'markdown',
  extensions: ['.md', '.markdown', '.mdx'],
  extract: async (input) => {
    const { body, fields } = _frontMatter(normalizeText(decodeText(input.bytes, input.relativePath)));
    const { title: fmTitle, ...metadata } = fields;
    const title = typeof fmTitle === 'string' && fmTitle ? fmTitle : _firstHeading(body);
    return { text: body, metadata, ...(title ? { title } : {}) };
  },
});

function _firstHeading(text: string): string | undefined {
  const atx = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(text);
  const setext = /^(\S[^\n]*)\n {0,3}=+[ \t]*$/m.exec(text);
  if (atx && setext) return atx.index <= setext.index ? atx[1] : setext[1];
  return (atx ?? setext)?.[1];
}

function _frontMatter(text: string): { body: string; fields: Record<string, string | number | boolean> } {
  const match = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/.exec(text);
  if (!match) return { body: text, fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const line of match[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*):[ \t]*(.+)$/.exec(line);
    if (!kv) continue;
    const raw = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    fields[kv[1]!] = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return { body: text.slice(match[0].length), fields };
}
