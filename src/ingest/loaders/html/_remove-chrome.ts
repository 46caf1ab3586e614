/** Never content. */
const _NOISE = 'script, style, noscript, template, iframe, svg, canvas, object, embed, link, meta, button, input, select, textarea, form, dialog, [hidden]';
/** Page chrome that generators put inside or next to the content region. */
const _CHROME = [
  'nav', 'aside', '[role="navigation"]', '[role="search"]', '[role="banner"]', '[role="contentinfo"]', 'footer',
  '.breadcrumbs', '.breadcrumb', '[aria-label="breadcrumbs"]', '.theme-doc-breadcrumbs', '.theme-doc-toc-mobile', '.theme-doc-footer',
  '.theme-edit-this-page', '.pagination-nav', '.theme-doc-version-badge', '.theme-doc-version-banner',
  '.md-content__button', '.md-source-file', '.md-feedback', '#feedback', '.md-footer', '.md-banner', '.md-announce',
  '.related-pages', '.prev-next-area', '.prev-next-bottom', '.edit-this-page', '.view-this-page', '.page-info', '.toc-drawer',
  '.skip-link', '.skip-to-content', 'a[href="#main-content"]', 'a[href="#content"]', '.copybtn', '.md-clipboard', '.clipboard-copy',
  '.headerlink', '.hash-link', '.anchorjs-link', 'a.anchor', '.sphinxsidebar', '.rst-footer-buttons',
].join(', ');

interface _Root {
  querySelectorAll(s: string): Iterable<{ remove(): void; querySelector(s: string): unknown; tagName: string }>;
}

/**
 * Remove page chrome from a content region: scripts and hidden elements, navigation, sidebars, footers,
 * breadcrumbs, search, skip links, "edit this page", prev/next links, feedback widgets, copy buttons and
 * heading permalinks. A `<header>` is kept when it holds a heading (Docusaurus puts the page `<h1>` there).
 */
export function _removeChrome(region: _Root): void {
  for (const el of [...region.querySelectorAll(_NOISE)]) el.remove();
  for (const el of [...region.querySelectorAll('[aria-hidden="true"]')] as unknown as Array<{ remove(): void; closest(s: string): unknown }>) if (!el.closest('pre')) el.remove();
  for (const el of [...region.querySelectorAll(_CHROME)]) el.remove();
  for (const el of [...region.querySelectorAll('header')]) if (!el.querySelector('h1, h2, h3, h4, h5, h6')) el.remove();
  // Permalink anchors inside headings: "¶", "#", "§", "🔗" or empty links to a fragment.
  for (const a of [...region.querySelectorAll('h1 a, h2 a, h3 a, h4 a, h5 a, h6 a, dt a')] as unknown as Array<{ remove(): void; textContent: string | null; getAttribute(n: string): string | null }>) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#') && /^[\s¶#§🔗]*$/u.test(a.textContent ?? '')) a.remove();
  }
}
