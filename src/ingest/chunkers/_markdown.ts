/** A Markdown block: a trimmed range of the source. */
export interface _Block {
  start: number;
  end: number;
  kind: 'heading' | 'paragraph' | 'list' | 'table' | 'code' | 'quote';
  /** Heading level 1–6. */
  level?: number;
  /** Heading text without the `#` marks. */
  title?: string;
}

const sp = (c: number) => c === 32 || c === 9;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;

/** List marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space, at `i`. */
export function _isListMarker(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) return i + 1 >= end || sp(text.charCodeAt(i + 1));
  let j = i;
  while (j < end && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  const d = text.charCodeAt(j);
  return j > i && (d === 46 || d === 41) && (j + 1 >= end || sp(text.charCodeAt(j + 1)));
}

function fenceAt(text: string, i: number): string | null {
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return null;
  let j = i;
  while (text.charCodeAt(j) === c) j++;
  return j - i >= 3 ? text.slice(i, j) : null;
}

/**
 * Splits `[start, end)` of Markdown into blocks: ATX headings, fenced code, tables, lists, block quotes and
 * paragraphs. A line-based scan (no regex per line), so it costs about one pass over the text.
 */
export function _parseBlocks(text: string, start = 0, end = text.length): _Block[] {
  const blocks: _Block[] = [];
  let open: _Block | null = null;
  let fence: string | null = null;
  const close = () => {
    if (open) blocks.push(open);
    open = null;
  };
  let pos = start;
  while (pos < end) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let f = pos;
    while (f < lineEnd && sp(text.charCodeAt(f))) f++;
    let e = lineEnd;
    while (e > f && isSpace(text.charCodeAt(e - 1))) e--;
    const next = lineEnd + 1;
    if (fence !== null) {
      (open as _Block | null)!.end = Math.max((open as _Block | null)!.end, e);
      if (f < e && text.startsWith(fence, f) && text.slice(f, e).replace(/[`~]/g, '') === '') {
        fence = null;
        close();
      }
      pos = next;
      continue;
    }
    if (f >= e) {
      close();
      pos = next;
      continue;
    }
    const c = text.charCodeAt(f);
    const indent = f - pos;
    const openFence = indent <= 3 ? fenceAt(text, f) : null;
    if (openFence) {
      close();
      fence = openFence;
      open = { start: f, end: e, kind: 'code' };
    } else if (c === 35 && indent <= 3) {
      let h = f;
      while (h < e && text.charCodeAt(h) === 35) h++;
      if (h - f <= 6 && (h === e || sp(text.charCodeAt(h)))) {
        close();
        let t = e;
        while (t > h && text.charCodeAt(t - 1) === 35) t--;
        const title = text.slice(h, t).trim() || text.slice(h, e).trim();
        blocks.push({ start: f, end: e, kind: 'heading', level: h - f, title });
      } else {
        extend('paragraph', f, e);
      }
    } else if (c === 124) {
      extend('table', f, e);
    } else if (c === 62) {
      extend('quote', f, e);
    } else if (_isListMarker(text, f, e)) {
      if ((open as _Block | null)?.kind === 'list') (open as unknown as _Block).end = e;
      else {
        close();
        open = { start: f, end: e, kind: 'list' };
      }
    } else if (open !== null && ((open as _Block).kind === 'paragraph' || (open as _Block).kind === 'list' || (open as _Block).kind === 'quote')) {
      (open as _Block).end = e; // paragraph line or lazy continuation
    } else {
      close();
      open = { start: f, end: e, kind: 'paragraph' };
    }
    pos = next;
  }
  close();
  return blocks;

  function extend(kind: _Block['kind'], f: number, e: number) {
    if ((open as _Block | null)?.kind === kind) (open as unknown as _Block).end = e;
    else {
      close();
      open = { start: f, end: e, kind };
    }
  }
}
