/**
 * Word has no code element: code is written in paragraphs whose runs all use a monospace font, or in a
 * paragraph style named for code. This marks those paragraphs (style `fathom-code`, mapped to `<pre>`) and
 * monospace runs inside ordinary paragraphs (style `fathom-mono`, mapped to `<code>`), as a mammoth
 * `transformDocument` step.
 */

const _MONO = /consolas|courier|menlo|monaco|lucida console|lucida sans typewriter|mono|source code|fira code|inconsolata|andale|ocr a/i;
const _CODE_STYLE = /code|source|preformatted|plain text|command|macro text|schema|fragment|html|xml|^c$/i;

/** The mammoth style map lines for the marked paragraphs and runs (and Word's Title as the top heading). */
export const CODE_STYLE_MAP = ["p[style-name='fathom-code'] => pre:separator('\\n')", "r[style-name='fathom-mono'] => code", "p[style-name='Title'] => h1:fresh"];

interface _Element {
  type: string;
  children?: _Element[];
  value?: string;
  font?: string | null;
  styleName?: string | null;
  styleId?: string | null;
}

/** Marks code paragraphs and monospace runs (mutates and returns the mammoth document). */
export function markCode<T>(document: T): T {
  _walk(document as _Element);
  return document;
}

function _walk(element: _Element): void {
  if (element.type === 'paragraph') return _paragraph(element);
  for (const child of element.children ?? []) _walk(child);
}

function _paragraph(p: _Element): void {
  const runs = _runs(p).filter((r) => _text(r).trim() !== '');
  const styled = _CODE_STYLE.test(p.styleName ?? '') || _CODE_STYLE.test(p.styleId ?? '');
  if (runs.length > 0 && (styled || runs.every((r) => _MONO.test(r.font ?? '')))) {
    p.styleName = 'fathom-code';
    return;
  }
  for (const r of runs) if (_MONO.test(r.font ?? '') && !r.styleName) r.styleName = 'fathom-mono';
}

function _runs(e: _Element): _Element[] {
  if (e.type === 'run') return [e];
  return (e.children ?? []).flatMap(_runs);
}

function _text(e: _Element): string {
  if (e.type === 'text') return e.value ?? '';
  return (e.children ?? []).map(_text).join('');
}
