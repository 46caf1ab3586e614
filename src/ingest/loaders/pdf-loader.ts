import type { PageSpan } from '../../spec/document.js';
import { normalizeText } from '../../util/text/normalize-text.js';
import { FathomError } from '../../util/errors.js';
import { _defineFileLoader } from './_file-loader.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { type GarbagePage, assessPageText, garbagePageReason } from './pdf/assess-page-text.js';
import { joinHyphenation } from './pdf/join-hyphenation.js';
import { pageRows, pageText, type TextItem } from './pdf/page-layout.js';
import { runningLines } from './pdf/running-lines.js';

/**
 * PDF (`.pdf`) via unpdf (pdf.js). Each page's text is normalised on its own and pages are joined with one
 * blank line; `pages` records the exact span of every page with text (`text.slice(start, end)` is that
 * page's text; pages without text get no span). The title is the PDF's Title metadata, else the file name.
 * Words hyphenated at line ends are joined. A page whose text layer is garbage (see `assessPageText`) is skipped
 * and listed in `metadata.extraction.garbagePages` and `metadata.extractionWarnings` with the reason.
 * A scanned PDF with no text layer is reported as FILE_EMPTY.
 */
export const pdfLoader = _defineFileLoader({
  name: 'pdf',
  format: 'pdf',
  extensions: ['.pdf'],
  extract: async (input) => {
    const { getDocumentProxy, getMeta } = await import('unpdf');
    // pdf.js rejects Buffers and may transfer (detach) what it is given: pass a plain Uint8Array copy.
    const pdf = await getDocumentProxy(new Uint8Array(input.bytes), { verbosity: 0 } as Parameters<typeof getDocumentProxy>[1]);
    try {
      // The page count comes from the page tree's root (/Count) before any page is read: a 600 KB file
      // listing one page 100,000 times is refused here instead of exhausting memory.
      const maxPages = loaderLimit(input.limits, 'pages');
      if (pdf.numPages > maxPages) throw limitExceeded({ path: input.relativePath, limit: 'pages', value: pdf.numPages, max: maxPages, what: 'the PDF has' });
      const totalPages = pdf.numPages;
      const pageItems: TextItem[][] = [];
      for (let n = 1; n <= totalPages; n++) pageItems.push(await _pageItems(pdf, n));
      // Running headers and footers are found across pages, then each page is read column by column.
      const skip = runningLines(pageItems.map(pageRows));
      let columnsPages = 0;
      const pageTexts = pageItems.map((items, i) => {
        const { text, columns } = pageText(items, skip[i]);
        if (columns > 1) columnsPages++;
        return text;
      });
      let text = '';
      const pages: PageSpan[] = [];
      const garbage: GarbagePage[] = [];
      pageTexts.forEach((raw, i) => {
        const problem = assessPageText(raw);
        if (problem) return void garbage.push({ page: i + 1, reason: garbagePageReason(problem, false) });
        const pageText = normalizeText(joinHyphenation(raw));
        if (!pageText) return;
        if (text) text += '\n\n';
        pages.push({ page: i + 1, start: text.length, end: text.length + pageText.length });
        text += pageText;
      });
      if (!text && garbage.length) {
        const details = { path: input.relativePath, garbagePages: garbage };
        throw new FathomError({ code: 'FILE_EMPTY', message: `'${input.relativePath}' has no usable text: page ${garbage[0]!.page} ${garbage[0]!.reason}.`, details });
      }
      const info = await getMeta(pdf).then((m) => m.info as Record<string, unknown>, () => ({}) as Record<string, unknown>);
      const title = typeof info.Title === 'string' ? info.Title.trim() : '';
      const metadata: Record<string, unknown> = { pageCount: totalPages, extraction: {
          method: 'pdf-text-layer',
          pagesWithText: pages.length,
          garbagePages: garbage,
          runningLinesRemoved: skip.reduce((n, s) => n + s.size, 0),
          multiColumnPages: columnsPages,
        },
      };
      if (garbage.length) metadata.extractionWarnings = garbage.map((g) => `page ${g.page} skipped: ${g.reason}`);
      if (typeof info.Author === 'string' && info.Author.trim()) metadata.author = info.Author.trim();
      return { text, pages, metadata, normalized: true, ...(title ? { title } : {}) };
    } finally {
      await pdf.destroy();
    }
  },
});

/** A page's text items with positions (pdf.js `getTextContent`). */
async function _pageItems(pdf: { getPage(n: number): Promise<unknown> }, n: number): Promise<TextItem[]> {
  const page = (await pdf.getPage(n)) as { getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }> };
  const { items } = await page.getTextContent();
  const out: TextItem[] = [];
  for (const i of items) {
    if (typeof i.str !== 'string' || !i.transform) continue;
    const [a, b, c, d, x, y] = i.transform as [number, number, number, number, number, number];
    out.push({ str: i.str, x, y, width: i.width ?? 0, height: i.height || Math.hypot(c, d) || 10, ...(Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a < 0 ? { rotated: true } : {}) });
  }
  return out;
}
