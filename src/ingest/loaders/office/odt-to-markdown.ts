import { _attr, _odfTokens } from './_odf-xml.js';

/** Elements whose content is not document text (comments, tracked deletions, generated indexes). */
const _SKIP = new Set(['office:annotation', 'text:tracked-changes', 'text:table-of-content', 'text:alphabetical-index', 'text:sequence-decls', 'office:forms', 'text:note-citation', 'svg:title', 'svg:desc', 'office:automatic-styles', 'office:font-face-decls', 'office:scripts']);
const _MONO = /mono|courier|consolas|menlo|monaco|inconsolata|fira code|source code/i;

/**
 * An OpenDocument text's `content.xml` (with `styles.xml`) as Markdown: `text:h` headings at their outline
 * level, paragraphs, nested lists as `-` items, tables as Markdown tables, paragraphs in a code style
 * (Preformatted Text, a source/code-named style, or a monospace font) as fenced code. Footnotes and text
 * boxes (paragraphs inside a paragraph) follow their paragraph.
 */
export function odtToMarkdown(content: string, styles = ''): string {
  const code = _codeStyles(`${styles}\n${content}`);
  const blocks: string[] = [];
  const paragraphs: Array<{ text: string; heading: number; code: boolean }> = [];
  const after: string[] = []; // nested paragraphs (notes, text boxes), emitted after the outer block
  let lists = 0;
  let itemFresh = false;
  let table: string[][] | undefined;
  let cell: string[] | undefined;
  let skip = 0;
  let fence: string[] | undefined;
  const flushFence = () => {
    if (fence) blocks.push(`\`\`\`\n${fence.join('\n')}\n\`\`\``);
    fence = undefined;
  };
  const emit = (block: string, isCode: boolean) => {
    if (isCode) return void (fence ??= []).push(block);
    flushFence();
    if (block.trim()) blocks.push(block);
    for (const a of after.splice(0)) blocks.push(a);
  };
  for (const t of _odfTokens(content)) {
    if (t.kind !== 'text' && _SKIP.has(t.name)) {
      if (t.kind === 'open') skip++;
      else if (t.kind === 'close') skip--;
      continue;
    }
    if (skip > 0) continue;
    if (t.kind === 'text') {
      const p = paragraphs.at(-1);
      if (p) p.text += p.code ? t.text : t.text.replace(/\s+/g, ' ');
      continue;
    }
    const p = paragraphs.at(-1);
    if (t.kind !== 'close' && p) {
      if (t.name === 'text:s') p.text += ' '.repeat(Math.min(1000, Number(_attr(t.attrs, 'text:c') ?? 1) || 1));
      else if (t.name === 'text:tab') p.text += '\t';
      else if (t.name === 'text:line-break') p.text += '\n';
    }
    if (t.name === 'text:p' || t.name === 'text:h') {
      if (t.kind === 'open') {
        const style = _attr(t.attrs, 'text:style-name') ?? '';
        const level = t.name === 'text:h' ? Math.min(6, Math.max(1, Number(_attr(t.attrs, 'text:outline-level') ?? 1) || 1)) : 0;
        paragraphs.push({ text: '', heading: level, code: !level && !table && code.has(style) });
      } else if (t.kind === 'close' || t.kind === 'empty') {
        const done = t.kind === 'close' ? paragraphs.pop() : { text: '', heading: 0, code: false };
        if (!done) continue;
        const text = done.code ? done.text.replace(/\s+$/, '') : done.text.replace(/[ \t]+/g, ' ').trim();
        if (paragraphs.length > 0) {
          if (text) after.push(text);
        } else if (cell) {
          if (text) cell.push(text);
        } else if (done.heading) emit(`${'#'.repeat(done.heading)} ${text.replace(/\n/g, ' ')}`, false);
        else if (lists > 0) {
          if (text) emit(`${'  '.repeat(lists - 1)}${itemFresh ? '- ' : '  '}${text}`, false);
          itemFresh = false;
        } else if (done.code) emit(text, true);
        else emit(text, false);
      }
    } else if (t.name === 'text:list') lists += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
    else if (t.name === 'text:list-item' && t.kind === 'open') itemFresh = true;
    else if (t.name === 'table:table' && t.kind === 'open') table = [];
    else if (t.name === 'table:table' && t.kind === 'close' && table) {
      const rows = table.filter((r) => r.some((c) => c));
      table = undefined;
      if (rows.length) emit(_markdownTable(rows), false);
    } else if (t.name === 'table:table-row' && t.kind === 'open') table?.push([]);
    else if ((t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') && t.kind === 'open') cell = [];
    else if ((t.name === 'table:table-cell' || t.name === 'table:covered-table-cell') && (t.kind === 'close' || t.kind === 'empty')) {
      table?.at(-1)?.push((cell ?? []).join(' ').replace(/\s+/g, ' ').trim());
      cell = undefined;
    }
  }
  flushFence();
  blocks.push(...after);
  return blocks.join('\n\n');
}

/** A Markdown table from rows of cell texts (the first row is the header). */
export function _markdownTable(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => (r[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
}

/** Names of paragraph styles that hold code: Preformatted Text, code/source-named styles, monospace fonts (and styles built on them). */
function _codeStyles(xml: string): Set<string> {
  const out = new Set<string>();
  const parents = new Map<string, string>();
  for (const m of xml.matchAll(/<style:style\b((?:[^>/]|\/(?!>))*)>([\s\S]*?)<\/style:style>|<style:style\b([^>]*)\/>/g)) {
    const attrs = m[1] ?? m[3] ?? '';
    const name = _attr(attrs, 'style:name');
    if (!name) continue;
    const display = _attr(attrs, 'style:display-name') ?? name;
    const font = /style:font-name(?:-complex|-asian)?="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? '';
    if (/preformatted|source|code/i.test(`${name} ${display}`) || _MONO.test(font)) out.add(name);
    const parent = _attr(attrs, 'style:parent-style-name');
    if (parent) parents.set(name, parent);
  }
  for (const [name, parent] of parents) {
    let p: string | undefined = parent;
    for (let k = 0; p && k < 10; k++, p = parents.get(p)) if (out.has(p) || /preformatted|source|code/i.test(p)) out.add(name);
  }
  return out;
}
