import type { parseHTML } from 'linkedom';
import { CONTENT_REGIONS } from './content-regions.js';
import { _normalizeDocStructure } from './_normalize-doc-structure.js';
import { _removeChrome } from './_remove-chrome.js';
import { visibleText } from './visible-text.js';

type _Doc = ReturnType<typeof parseHTML>['document'];
type _El = NonNullable<ReturnType<_Doc['querySelector']>>;
interface _N {
  textContent: string | null;
  nextSibling: _N | null;
  parentNode: { insertBefore(a: unknown, b: unknown): unknown } | null;
}

/** The content region of a documentation page, cleaned and ready for HTML → Markdown. */
export interface MainContent {
  /** Inner HTML of the cleaned region (code normalised to `<pre><code class="language-x">`, chrome removed). */
  html: string;
  /** Which rule found it: a generator name (`sphinx`, `mkdocs-material`, …) or `generic`. */
  generator: string;
  selector: string;
  /** Visible characters (non-whitespace, see {@link visibleText}) of the region before chrome removal. */
  visibleChars: number;
  /** The page's `<h1>` when it sits outside the region (Asciidoctor `#header`, hand-written page heads). */
  outerH1?: string;
}

/**
 * Pick a documentation page's content region by document semantics (generator containers, `<main>`,
 * `[role=main]`, a single `<article>`, Javadoc's CLASS DATA comments), then remove chrome inside it and
 * normalise generator markup (code, admonitions, permalinks, line numbers). Undefined when no region is
 * found: the caller falls back to an article extractor. Mutates `document`.
 */
export function extractMainContent(document: _Doc): MainContent | undefined {
  const found = _findRegion(document);
  if (!found) return undefined;
  const { region, generator, selector } = found;
  const visibleChars = visibleText(region).replace(/\s+/g, '').length;
  const h1 = region.querySelector('h1') ? undefined : _soleH1(document);
  _removeChrome(region);
  _normalizeDocStructure(region);
  return { html: region.innerHTML, generator, selector, visibleChars, ...(h1 ? { outerH1: h1 } : {}) };
}

function _findRegion(document: _Doc): { region: _El; generator: string; selector: string } | undefined {
  for (const { generator, selector } of CONTENT_REGIONS) {
    const matches = [...document.querySelectorAll(selector)].filter((el) => (el.textContent ?? '').trim().length > 0);
    if (matches.length === 1) return { region: matches[0] as _El, generator, selector };
  }
  const javadoc = _betweenComments(document, 'START OF CLASS DATA', 'END OF CLASS DATA');
  return javadoc ? { region: javadoc, generator: 'javadoc-frames', selector: '<!-- START/END OF CLASS DATA -->' } : undefined;
}

/** Old Javadoc marks the class documentation with comments only: move what lies between them into a div. */
function _betweenComments(document: _Doc, start: string, end: string): _El | undefined {
  const walker = document.createTreeWalker(document.body ?? document, 128 /* SHOW_COMMENT */);
  let open: _N | undefined;
  let close: _N | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!open && text.includes(start)) open = node as unknown as _N;
    else if (open && text.includes(end)) { close = node as unknown as _N; break; }
  }
  if (!open || !close || open.parentNode !== close.parentNode) return undefined;
  const box = document.createElement('div');
  let node = open.nextSibling;
  while (node && node !== close) {
    const next = node.nextSibling;
    box.appendChild(node as never);
    node = next;
  }
  open.parentNode!.insertBefore(box as never, close);
  return box as _El;
}

function _soleH1(document: _Doc): string | undefined {
  const all = document.querySelectorAll('h1');
  if (all.length !== 1) return undefined;
  return all[0]!.textContent?.replace(/[¶#§]\s*$/u, '').replace(/\s+/g, ' ').trim() || undefined;
}
