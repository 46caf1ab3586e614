import type { PageSpan } from '../../spec/document.js';
import { normalizeText } from '../../util/text/normalize-text.js';
import { FathomError } from '../../util/errors.js';
import { _defineFileLoader } from './_file-loader.js';
import { DEFAULT_INGEST_LIMITS, loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { assessPageText } from './pdf/assess-page-text.js';
import { joinHyphenation } from './pdf/join-hyphenation.js';
import { joinSpacingAccents } from './pdf/join-spacing-accents.js';
import { type OcrCandidate, ocrPages } from './pdf/ocr-pages.js';
import { findHeadings } from './pdf/find-headings.js';
import { lineKey, linesText, pageLines, pageRows } from './pdf/page-layout.js';
import { readPdfPage } from './pdf/read-pdf-page.js';
import { dropRunningLines, runningLines } from './pdf/running-lines.js';

/**
 * PDF (`.pdf`) via unpdf (pdf.js). Each page's text is normalised on its own and pages are joined with one
 * blank line; `pages` records the exact span of every page with text (`text.slice(start, end)` is that
 * page's text; pages without text get no span). The title is the PDF's Title metadata, else the file name.
 * Words hyphenated at line ends are joined. A page without a usable text layer — a garbage layer (see
 * `assessPageText`) or none on a page that paints something (a scan) — is OCRed with tesseract when
 * `options.ocr` is 'auto' and the programs are installed (`metadata.extraction.ocrPages`, and a warning);
 * otherwise it is skipped and listed in `metadata.extraction.garbagePages` and `metadata.extractionWarnings`
 * with the reason. A PDF left without any text is FILE_EMPTY with the first page's reason. Section titles set
 * clearly larger than the body text become Markdown headings (`findHeadings`; `metadata.extraction.headings`).
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
      const read = [];
      for (let n = 1; n <= pdf.numPages; n++) read.push(await readPdfPage(pdf, n));
      // Running headers and footers are found across pages, then each page is read column by column.
      const rows = read.map((p) => pageRows(p.items));
      const skip = runningLines(rows);
      const removedLines = rows.flatMap((r, i) => r.filter((line) => skip[i]!.has(lineKey(line))).map((line) => line.text));
      const laid = read.map((p, i) => pageLines(p.items, skip[i]));
      const columnsPages = laid.filter((l) => l.columns > 1).length;
      // Section titles (larger than the body text) become Markdown headings, so chunks get heading paths.
      const headings = findHeadings(laid.map((l) => l.lines));
      const raws = laid.map((l, i) => linesText(l.lines, headings[i]));
      const candidates: OcrCandidate[] = [];
      for (const [i, raw] of raws.entries()) {
        const problem = assessPageText(raw) ?? (raw.trim() === '' && (await read[i]!.paints()) ? 'no text on a page that draws something (a scan?)' : undefined);
        if (problem) candidates.push({ page: i + 1, problem, width: read[i]!.width, height: read[i]!.height });
      }
      // OCR stops 3 s before the file's deadline: the pages already read must still be returned in time (a file
      // over its budget is skipped whole).
      const deadline = (input.deadline ?? Date.now() + DEFAULT_INGEST_LIMITS.fileTimeoutMs) - 3000;
      const ocr = await ocrPages({ bytes: input.bytes, candidates, deadline, ...(input.options.ocr ? { mode: input.options.ocr } : {}), ...(input.options.ocrTools ? { tools: input.options.ocrTools } : {}) });
      const garbage = ocr.skipped;
      let text = '';
      const pages: PageSpan[] = [];
      raws.forEach((raw, i) => {
        const isCandidate = candidates.some((c) => c.page === i + 1);
        const ocrText = ocr.texts.get(i + 1);
        const source = isCandidate ? ocrText && dropRunningLines(ocrText, removedLines) : raw;
        if (source === undefined) return;
        const pageText = normalizeText(joinHyphenation(joinSpacingAccents(source)));
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
      const ocrPageList = [...ocr.texts.keys()].filter((p) => pages.some((s) => s.page === p));
      const metadata: Record<string, unknown> = { pageCount: pdf.numPages, extraction: {
          method: ocrPageList.length === 0 ? 'pdf-text-layer' : ocrPageList.length === pages.length ? 'ocr' : 'pdf-text-layer+ocr',
          pagesWithText: pages.length,
          garbagePages: garbage,
          ocrPages: ocrPageList,
          runningLinesRemoved: skip.reduce((n, s) => n + s.size, 0),
          multiColumnPages: columnsPages,
          headings: headings.reduce((n, h) => n + h.size, 0),
        },
      };
      const warnings = garbage.map((g) => `page ${g.page} skipped: ${g.reason}`);
      if (ocrPageList.length) warnings.push(`page${ocrPageList.length === 1 ? '' : 's'} ${ocrPageList.join(', ')} had no usable text layer and ${ocrPageList.length === 1 ? 'was' : 'were'} OCRed with tesseract: the text may hold recognition errors`);
      if (warnings.length) metadata.extractionWarnings = warnings;
      if (typeof info.Author === 'string' && info.Author.trim()) metadata.author = info.Author.trim();
      return { text, pages, metadata, normalized: true, ...(title ? { title } : {}) };
    } finally {
      await pdf.destroy();
    }
  },
});
