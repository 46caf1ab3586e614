import { htmlToMarkdown } from '../_html-to-markdown.js';
import type { MainContent } from './extract-main-content.js';
import { markdownPlainText } from './markdown-plain-text.js';

/** Kept share of visible main-content characters under which a document is loaded with a warning. */
export const KEPT_SHARE_WARNING = 0.6;

/** What an HTML extraction kept, recorded as `metadata.extraction` of the document. */
export interface HtmlExtractionFigures {
  method: 'content-region';
  generator: string;
  region: string;
  /** Non-whitespace visible characters of the content region (see `visibleText`). */
  visibleChars: number;
  /** Non-whitespace characters of the plain-text rendering of the stored Markdown. */
  keptChars: number;
  keptShare: number;
}

/** Convert a picked content region to the document's Markdown, with its extraction figures and warnings. */
export async function mainContentToDocument(main: MainContent): Promise<{ text: string; metadata: Record<string, unknown> }> {
  let text = await htmlToMarkdown(main.html);
  let visibleChars = main.visibleChars;
  if (main.outerH1 && !/^# /m.test(text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm, ''))) {
    text = `# ${main.outerH1}\n\n${text}`;
    visibleChars += main.outerH1.replace(/\s+/g, '').length;
  }
  const keptChars = markdownPlainText(text).replace(/\s+/g, '').length;
  const keptShare = visibleChars ? Math.round((keptChars / visibleChars) * 1000) / 1000 : 1;
  const extraction: HtmlExtractionFigures = { method: 'content-region', generator: main.generator, region: main.selector, visibleChars, keptChars, keptShare };
  const warnings = keptShare < KEPT_SHARE_WARNING ? [`kept ${Math.round(keptShare * 100)}% of the visible text of the content region (${main.selector})`] : [];
  return { text, metadata: { extraction, ...(warnings.length ? { extractionWarnings: warnings } : {}) } };
}
