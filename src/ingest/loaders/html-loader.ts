import type { parseHTML } from 'linkedom';
import { _defineFileLoader } from './_file-loader.js';
import { decodeText } from './_decode-text.js';
import { htmlToMarkdown } from './_html-to-markdown.js';
import { _htmlShape } from './_html-shape.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { extractMainContent } from './html/extract-main-content.js';
import { mainContentToDocument } from './html/main-content-to-document.js';

/**
 * Readability's cleaning is quadratic in elements and cubic in depth (2,000 nested divs took 43 s): larger
 * or deeper pages skip it and keep the cleaned `<body>` (such pages are rarely article-plus-chrome).
 */
const _READABILITY_MAX_ELEMENTS = 10_000;
const _READABILITY_MAX_DEPTH = 128;

/** Elements that are never content. */
const _NOISE = 'script, style, noscript, template, iframe, svg, canvas, object, embed, link, meta, button, input, select, textarea, form, dialog';
/** Site chrome: navigation, banners, cookie/consent notices, sidebars. */
const _CHROME =
  'nav, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="dialog"], [role="alertdialog"], [role="complementary"], [aria-hidden="true"], [hidden]';
const _CHROME_NAME = /(^|[-_\s])(cookie|cookies|consent|gdpr|newsletter|subscribe|skip-link|breadcrumbs?|sidebar|site-header|site-footer|navbar|menu)([-_\s]|$)/i;

/**
 * HTML (`.html`, `.htm`): the content region is picked by document semantics (generator containers, `<main>`,
 * a single `<article>`; see `extractMainContent`). Only when there is none, boilerplate (scripts, navigation,
 * header, footer, cookie banners) is removed, the main content is picked by Mozilla Readability, and the result is converted to Markdown so headings
 * (`#`) and tables survive. When Readability finds no article, the cleaned `<body>` is used.
 * The title is `<title>`, else the first `<h1>`, else the file name.
 */
export const htmlLoader = _defineFileLoader({
  name: 'html',
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  extract: async (input) => {
    const html = decodeText(input.bytes, input.relativePath);
    const maxElements = loaderLimit(input.limits, 'elements');
    const maxDepth = loaderLimit(input.limits, 'depth');
    // Start tags outside scripts, styles and comments, counted before parsing: a bomb is refused without building its DOM.
    const tags = _startTags(html);
    if (tags > maxElements + 3) throw limitExceeded({ path: input.relativePath, limit: 'elements', value: tags, max: maxElements, what: 'the page has start tags:' });
    const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
    const { document } = parseHTML(html);
    const shape = _htmlShape(document.documentElement, maxElements, maxDepth);
    if (shape.elements > maxElements) throw limitExceeded({ path: input.relativePath, limit: 'elements', value: maxElements, max: maxElements, what: 'the page has', atLeast: true });
    if (shape.depth > maxDepth) throw limitExceeded({ path: input.relativePath, limit: 'depth', value: maxDepth, max: maxDepth, what: 'elements are nested', atLeast: true });
    const h1 = _text(document.querySelector('h1'));
    const title = _text(document.querySelector('title')) || h1;
    const main = extractMainContent(document);
    if (main) return { ...(await mainContentToDocument(main)), ...(title ? { title } : {}) };
    _removeBoilerplate(document);
    // Readability turns every <h1> into <h2>; a preserved class lets us restore the level afterwards.
    for (const el of document.querySelectorAll('h1')) el.classList.add('fathom-h1');
    const bodyHtml = document.body?.innerHTML ?? html;
    let content: string | undefined;
    if (shape.elements <= _READABILITY_MAX_ELEMENTS && shape.depth <= _READABILITY_MAX_DEPTH) {
      try {
        const options = { charThreshold: 100, classesToPreserve: ['fathom-h1'], maxElemsToParse: _READABILITY_MAX_ELEMENTS };
        const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], options).parse();
        if (article?.content && article.textContent?.trim()) content = article.content;
      } catch {
        // Readability can fail on odd markup; the cleaned body below is the fallback.
      }
    }
    const chosen = (content ?? bodyHtml).replace(/<h2([^>]*\bclass="[^"]*\bfathom-h1\b[^"]*"[^>]*)>([\s\S]*?)<\/h2>/gi, '<h1$1>$2</h1>');
    let markdown = await htmlToMarkdown(chosen);
    if (h1 && !/^# /m.test(markdown)) markdown = `# ${h1}\n\n${markdown}`;
    return { text: markdown, ...(title ? { title } : {}) };
  },
});

function _startTags(html: string): number {
  const markup = html.replace(/<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi, '');
  let n = 0;
  for (let i = markup.indexOf('<'); i !== -1; i = markup.indexOf('<', i + 1)) {
    const c = markup.charCodeAt(i + 1) | 32;
    if (c >= 97 && c <= 122) n++;
  }
  return n;
}

function _text(el: { textContent: string | null } | null): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

type _Doc = ReturnType<typeof parseHTML>['document'];

function _removeBoilerplate(document: _Doc): void {
  for (const el of document.querySelectorAll(_NOISE)) el.remove();
  for (const el of document.querySelectorAll(_CHROME)) el.remove();
  // Page-level header/footer only: an <article>'s own header holds its title.
  for (const el of document.querySelectorAll('header, footer')) if (!el.closest('article, main')) el.remove();
  for (const el of document.querySelectorAll('[id], [class]')) {
    if (el.tagName === 'BODY' || el.tagName === 'MAIN' || el.tagName === 'ARTICLE') continue;
    if (_CHROME_NAME.test(el.getAttribute('id') ?? '') || _CHROME_NAME.test(el.getAttribute('class') ?? '')) el.remove();
  }
}
