import { _rtfTokens } from './_rtf-tokens.js';

/** Destinations that hold no document text (tables of fonts, colours, styles, pictures, headers, field codes). */
const _SKIP = new Set(['colortbl', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'fldinst', 'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr', 'revtbl', 'filetbl', 'author', 'operator', 'company', 'subject', 'keywords', 'comment', 'doccomm', 'private', 'nonshppict', 'userprops', 'xe', 'tc', 'bkmkstart', 'bkmkend', 'listtext', 'pntext', 'pntxtb', 'pntxta', 'fontemb', 'atnid', 'atnauthor', 'annotation']);
const _SYMBOLS: Record<string, string> = { emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ' };
const _MONO = /mono|courier|consolas|menlo|monaco|inconsolata|fira code|source code/i;

interface _State {
  skip: boolean;
  /** Capturing into a side table: the font or style table, or the title. */
  capture?: 'fonttbl' | 'stylesheet' | 'title';
  uc: number;
  font: number;
  /** Inside `{\info …}` (only its title is read). */
  info?: boolean;
}

/**
 * An RTF document as Markdown: paragraphs (`\par`), headings from paragraph styles named "heading N" or
 * `\outlinelevel`, tables (`\intbl` … `\cell` … `\row`) as Markdown tables, paragraphs wholly in a monospace
 * font as fenced code; `\'hh` in the document's code page (`\ansicpg`, default 1252) and `\uN` Unicode.
 * Font, colour and style tables, pictures, headers/footers and field instructions are left out; the title
 * is `{\info{\title …}}`. Throws when nesting exceeds `maxDepth`; `truncated` when the text ends inside a group.
 */
export function rtfToMarkdown(rtf: string, { maxDepth, onTooDeep }: { maxDepth: number; onTooDeep: (depth: number) => never }): { markdown: string; title?: string; truncated: boolean } {
  const fonts = new Map<number, string>();
  const styles = new Map<number, string>();
  let sideKey = 0;
  let side = '';
  let title = '';
  let decoder: { decode(bytes: Uint8Array): string } = new TextDecoder('windows-1252');
  const stack: _State[] = [];
  let st: _State = { skip: false, uc: 1, font: 0 };
  let para = { text: '', mono: 0, other: 0, style: 0, outline: -1, intbl: false };
  let skipChars = 0;
  const blocks: string[] = [];
  let fence: string[] | undefined;
  let table: string[][] | undefined;
  let row: string[] = [];
  const flushFence = () => {
    if (fence) blocks.push(`\`\`\`\n${fence.join('\n')}\n\`\`\``);
    fence = undefined;
  };
  const flushTable = () => {
    if (table?.length) {
      const width = Math.max(...table.map((r) => r.length));
      const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => (r[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
      blocks.push([line(table[0]!), `|${' --- |'.repeat(width)}`, ...table.slice(1).map(line)].join('\n'));
    }
    table = undefined;
  };
  const add = (s: string) => {
    if (skipChars > 0) return void (skipChars -= 1);
    if (st.skip) return;
    if (st.capture) return void (side += s);
    para.text += s;
    if (s.trim()) {
      if (_MONO.test(fonts.get(st.font) ?? '')) para.mono += s.length;
      else para.other += s.length;
    }
  };
  const endParagraph = (kind: 'par' | 'cell') => {
    const { text: raw, mono, other, style, outline, intbl } = para;
    para = { ...para, text: '', mono: 0, other: 0 };
    if (kind === 'cell' || intbl) {
      if (kind === 'cell') row.push(raw.replace(/\s+/g, ' ').trim());
      else if (raw.trim()) row.push(raw.replace(/\s+/g, ' ').trim());
      return;
    }
    flushTable();
    const isCode = mono > 0 && other === 0;
    if (isCode) return void (fence ??= []).push(raw.replace(/\s+$/, ''));
    flushFence();
    const text = raw.replace(/[ \t]+/g, ' ').trim();
    if (!text) return;
    const named = /heading\s*(\d)/i.exec(styles.get(style) ?? '')?.[1];
    const level = named ? Number(named) : outline >= 0 && outline < 6 ? outline + 1 : 0;
    blocks.push(level ? `${'#'.repeat(level)} ${text.replace(/\n/g, ' ')}` : text);
  };
  for (const t of _rtfTokens(rtf)) {
    if (t.kind === 'open') {
      stack.push(st);
      if (stack.length > maxDepth) onTooDeep(stack.length);
      st = { ...st };
      continue;
    }
    if (t.kind === 'close') {
      if (st.capture && !st.skip) {
        if (st.capture === 'title') title += side;
        else if (side.trim()) (st.capture === 'fonttbl' ? fonts : styles).set(sideKey, side.replace(/;.*$/s, '').trim());
        side = '';
      }
      st = stack.pop() ?? st;
      continue;
    }
    if (t.kind === 'text') {
      for (const ch of t.text) add(ch);
      continue;
    }
    if (t.kind === 'hex') {
      if (skipChars > 0) skipChars--;
      else add(decoder.decode(Uint8Array.of(t.byte)));
      continue;
    }
    const { word, param } = t;
    if (t.kind === 'symbol') {
      if (word === '~') add('\u00a0');
      else if (word === '_') add('-');
      else if (word === '*') st.skip = true;
      else if (word === '\\' || word === '{' || word === '}') add(word);
      else if ((word === '\n' || word === '\r') && !st.skip && !st.capture) endParagraph('par');
      continue;
    }
    if (word === 'bin') continue; // the tokenizer skipped its bytes
    if (st.skip) {
      if (word === 'title' && st.info) {
        st = { ...st, skip: false, capture: 'title' };
        side = '';
      }
      continue;
    }
    if (_SKIP.has(word)) st.skip = true;
    else if (word === 'fonttbl' || word === 'stylesheet') {
      st.capture = word;
      side = '';
    } else if (word === 'info') st = { ...st, skip: true, info: true };
    else if (st.capture === 'fonttbl' && word === 'f') {
      if (side.trim()) fonts.set(sideKey, side.replace(/;.*$/s, '').trim());
      sideKey = param ?? 0;
      side = '';
    } else if (st.capture === 'stylesheet' && (word === 's' || word === 'cs' || word === 'ds' || word === 'ts')) {
      sideKey = word === 's' ? (param ?? 0) : -1;
      side = '';
    } else if (st.capture) continue;
    else if (word === 'ansicpg' && param) decoder = _decoder(param) ?? decoder;
    else if (word === 'uc') st.uc = Math.max(0, param ?? 1);
    else if (word === 'u' && param !== undefined) {
      const code = param < 0 ? param + 65536 : param;
      add(code > 0 && code <= 0xffff ? String.fromCharCode(code) : '\ufffd');
      skipChars = st.uc;
    } else if (word === 'f') st.font = param ?? 0;
    else if (word === 'pard') para = { ...para, style: 0, outline: -1, intbl: false };
    else if (word === 's') para.style = param ?? 0;
    else if (word === 'outlinelevel') para.outline = param ?? -1;
    else if (word === 'intbl') para.intbl = true;
    else if (word === 'par' || word === 'sect' || word === 'page') endParagraph('par');
    else if (word === 'line') add('\n');
    else if (word === 'tab') add('\t');
    else if (word === 'cell') endParagraph('cell');
    else if (word === 'row') {
      flushFence();
      (table ??= []).push(row);
      row = [];
    } else if (_SYMBOLS[word]) add(_SYMBOLS[word]);
  }
  endParagraph('par');
  flushTable();
  flushFence();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { markdown: blocks.join('\n\n'), truncated: stack.length > 0, ...(cleanTitle ? { title: cleanTitle } : {}) };
}

function _decoder(codePage: number): { decode(bytes: Uint8Array): string } | undefined {
  try {
    return new TextDecoder(codePage === 65001 ? 'utf-8' : `windows-${codePage}`);
  } catch {
    return undefined;
  }
}
