import type { parseHTML } from 'linkedom';
import { _defineFileLoader } from '../src/ingest/loaders/_file-loader.js';
import { decodeText } from '../src/ingest/loaders/_decode-text.js';
import { htmlToMarkdown } from '../src/ingest/loaders/_html-to-markdown.js';

/** Elements that are never content. */
const _NOISE = 'script, style, noscript, template, iframe, svg, canvas, object, embed, link, meta, button, input, select, textarea, form, dialog';
/** Site chrome: navigation, banners, cookie/consent notices, sidebars. */
const _CHROME =
  'nav, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="dialog"], [role="alertdialog"], [role="complementary"], [aria-hidden="true"], [hidden]';
const _CHROME_NAME = /(^|[-_\s])(cookie|cookies|consent|gdpr|newsletter|subscribe|skip-link|breadcrumbs?|sidebar|site-header|site-footer|navbar|menu)([-_\s]|$)/i;

/**
 * HTML (`.html`, `.htm`): boilerplate (scripts, navigation, header, footer, cookie banners) is removed, the
 * main content is picked by Mozilla Readability, and the result is converted to Markdown so headings
 * (`#`) and tables survive. When Readability finds no article, the cleaned `<body>` is used.
 * The title is `<title>`, else the first `<h1>`, else the file name.
 */
/** The extraction before the content-region extractor (Readability), kept for comparison in bench/fidelity.ts. */
export const readabilityHtmlLoader = _defineFileLoader({
  name: 'html-readability',
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  extract: async (input) => {
    const html = decodeText(input.bytes, input.relativePath);
    const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
    const { document } = parseHTML(html);
    const h1 = _text(document.querySelector('h1'));
    const title = _text(document.querySelector('title')) || h1;
    _removeBoilerplate(document);
    // Readability turns every <h1> into <h2>; a preserved class lets us restore the level afterwards.
    for (const el of document.querySelectorAll('h1')) el.classList.add('fathom-h1');
    const bodyHtml = document.body?.innerHTML ?? html;
    let content: string | undefined;
    try {
      const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100, classesToPreserve: ['fathom-h1'] }).parse();
      if (article?.content && article.textContent?.trim()) content = article.content;
    } catch {
      // Readability can fail on odd markup; the cleaned body below is the fallback.
    }
    const chosen = (content ?? bodyHtml).replace(/<h2([^>]*\bclass="[^"]*\bfathom-h1\b[^"]*"[^>]*)>([\s\S]*?)<\/h2>/gi, '<h1$1>$2</h1>');
    let markdown = await htmlToMarkdown(chosen);
    if (h1 && !/^# /m.test(markdown)) markdown = `# ${h1}\n\n${markdown}`;
    return { text: markdown, ...(title ? { title } : {}) };
  },
});

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
