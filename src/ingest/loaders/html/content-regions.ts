/**
 * Where documentation generators put the page's content, most specific first. The first selector that
 * matches exactly one element with text wins; `<main>` / `[role=main]` / a single `<article>` come after the
 * generator containers because generators wrap their content region in them together with chrome.
 */
export const CONTENT_REGIONS: ReadonlyArray<{ generator: string; selector: string }> = [
  { generator: 'docusaurus', selector: '.theme-doc-markdown' },
  { generator: 'mkdocs-material', selector: 'article.md-content__inner' },
  { generator: 'mkdocs-material', selector: '.md-content' },
  { generator: 'furo', selector: 'article[role="main"]' },
  { generator: 'sphinx', selector: 'div.body[role="main"]' },
  { generator: 'sphinx', selector: 'div[itemprop="articleBody"]' },
  { generator: 'sphinx', selector: 'div.document div.body' },
  { generator: 'rustdoc', selector: '#main-content' },
  { generator: 'javadoc', selector: 'main[role="main"]' },
  { generator: 'javadoc', selector: '.contentContainer' },
  { generator: 'github', selector: '.markdown-body' },
  { generator: 'asciidoctor', selector: 'body.article > #content, body.manpage > #content, body.book > #content' },
  { generator: 'asciidoctor', selector: '#content' },
  { generator: 'generic', selector: 'main' },
  { generator: 'generic', selector: '[role="main"]' },
  { generator: 'generic', selector: 'article' },
  { generator: 'hand-written', selector: 'div#main' },
];
