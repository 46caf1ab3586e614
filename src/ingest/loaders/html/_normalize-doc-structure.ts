interface _El {
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  className: string;
  parentElement: _El | null;
  getAttribute(n: string): string | null;
  querySelector(s: string): _El | null;
  querySelectorAll(s: string): Iterable<_El>;
  closest(s: string): _El | null;
  remove(): void;
  setAttribute(n: string, v: string): void;
  appendChild(n: unknown): unknown;
  replaceWith(...nodes: unknown[]): void;
  ownerDocument: { createElement(tag: string): _El; createTextNode(text: string): unknown };
}

/** Line-number gutters of highlighters (Pygments, Material, Prism, highlight.js, Asciidoctor/Rouge). */
const _LINE_NUMBERS = '.linenos, .linenodiv, .lineno, td.linenos, td.gutter, .gutter, .line-numbers-rows, .hljs-ln-numbers, .rouge-gutter, [data-line-number]';
const _LANG = /(?:^|\s)(?:language-|lang-|highlight-|brush:\s?)([A-Za-z0-9_+#.-]+)/;
/** A bare language name as a `<pre>` class (rustdoc `pre.rust`, Javadoc/hand-written `pre.java`). */
const _BARE = /^(rust|python|bash|shell|sh|console|javascript|js|typescript|ts|java|c|cpp|go|ruby|json|yaml|toml|sql|html|xml|css|lua)$/i;

/**
 * Normalise documentation markup inside a content region so HTML → Markdown keeps its structure:
 * every `<pre>` becomes `<pre><code class="language-x">text</code></pre>` (highlighter spans joined,
 * line numbers dropped, language from `language-x` / `highlight-x` / `data-lang`), admonitions become
 * blockquotes that start with their bold label, definition terms become bold paragraphs.
 */
export function _normalizeDocStructure(region: _El): void {
  for (const el of [...region.querySelectorAll(_LINE_NUMBERS)]) el.remove();
  // Pygments/Rouge "table" line numbers (gutter removed above): keep only the code cell.
  for (const table of [...region.querySelectorAll('table.highlighttable, table.rouge-table, table.linenotable')]) {
    const code = table.querySelector('pre');
    if (code) table.replaceWith(code);
  }
  for (const pre of [...region.querySelectorAll('pre')]) {
    if (pre.parentElement?.closest('pre')) continue;
    const lang = _language(pre);
    // Docusaurus/Prism end each line with <br>: it is a line break in the code.
    for (const br of [...pre.querySelectorAll('br')]) br.replaceWith(pre.ownerDocument.createTextNode('\n'));
    const code = pre.ownerDocument.createElement('code');
    code.textContent = (pre.textContent ?? '').replace(/^\n+|\n+$/g, '');
    if (lang) code.setAttribute('class', `language-${lang}`);
    const fresh = pre.ownerDocument.createElement('pre');
    fresh.appendChild(code);
    pre.replaceWith(fresh);
  }
  // A <br> inside a heading (Javadoc "package<BR>Class X", LuaJIT option lists) is a space, not a new line.
  for (const br of [...region.querySelectorAll('h1 br, h2 br, h3 br, h4 br, h5 br, h6 br')]) br.replaceWith(br.ownerDocument.createTextNode(' '));
  _admonitions(region);
  for (const dt of [...region.querySelectorAll('dt')]) {
    const p = dt.ownerDocument.createElement('p');
    const bold = dt.querySelector('b, strong');
    p.innerHTML = bold && bold.textContent?.trim() === dt.textContent?.trim() ? dt.innerHTML : `<strong>${dt.innerHTML}</strong>`;
    dt.replaceWith(p);
  }
}

function _language(pre: _El): string | undefined {
  const code = pre.querySelector('code');
  const named = code?.getAttribute('data-lang') ?? pre.getAttribute('data-lang') ?? pre.getAttribute('data-language');
  if (named && /^[A-Za-z0-9_+#.-]+$/.test(named)) return named.toLowerCase();
  const bare = (pre.className ?? '').split(/\s+/)[0] ?? '';
  if (_BARE.test(bare)) return bare.toLowerCase();
  const candidates = [code?.className, pre.className];
  for (let el: _El | null = pre.parentElement, depth = 0; el && depth < 3; el = el.parentElement, depth++) candidates.push(el.className);
  for (const c of candidates) {
    if (!c) continue;
    const m = _LANG.exec(c);
    if (m && !/^(default|none|text|plaintext|source|block|wrapper|table|notranslate|js-copy)$/i.test(m[1]!)) return m[1]!.toLowerCase();
  }
  return undefined;
}

/** Sphinx/Material `.admonition`, Docusaurus `.theme-admonition`, Asciidoctor `.admonitionblock`, GitHub `.markdown-alert`, `<details>`. */
function _admonitions(region: _El): void {
  for (const el of [...region.querySelectorAll('details.toggle > summary.hideme')]) el.remove(); // rustdoc "Expand description"
  const sel = 'div.admonition, .theme-admonition, .admonitionblock, .markdown-alert, details:not(.toggle)';
  for (const box of [...region.querySelectorAll(sel)].reverse()) {
    const titleEl = box.querySelector('.admonition-title, summary, [class*="admonitionHeading"], td.icon, .markdown-alert-title');
    const label = (titleEl?.textContent ?? '').replace(/\s+/g, ' ').trim() || _kind(box.className);
    titleEl?.remove();
    const quote = box.ownerDocument.createElement('blockquote');
    quote.innerHTML = `<p><strong>${_escape(label)}:</strong></p>${box.innerHTML}`;
    box.replaceWith(quote);
  }
}

function _kind(className: string): string {
  const m = /\b(note|tip|warning|caution|important|danger|info|hint|attention|error|seealso)\b/i.exec(className);
  return m ? m[1]![0]!.toUpperCase() + m[1]!.slice(1).toLowerCase() : 'Note';
}

function _escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
