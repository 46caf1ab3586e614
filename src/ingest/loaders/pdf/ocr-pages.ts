import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OcrTools, OCR_PACKAGES, findOcrTools } from './find-ocr-tools.js';
import { ocrPdfPage } from './ocr-pdf-page.js';

/** A page without a usable text layer: why, and its size in points. */
export interface OcrCandidate {
  page: number;
  problem: string;
  width: number;
  height: number;
}

/** Options of {@link ocrPages}. */
export interface OcrPagesOptions {
  bytes: Uint8Array;
  candidates: OcrCandidate[];
  /** @default 'auto' */
  mode?: 'auto' | 'off';
  /** Program paths; absent → found on PATH. */
  tools?: Partial<OcrTools>;
  /** Epoch ms by which OCR must have finished (the file's parse budget); pages not reached by then are skipped. */
  deadline: number;
  /** Wall time for one page, ms. @default 60000 */
  pageTimeoutMs?: number;
  /** Pixels of one rasterised page: larger pages are rasterised below 300 dpi. @default 40,000,000 */
  maxPixels?: number;
}

/**
 * OCR the pages that have no usable text layer (`mode: 'auto'` and both programs installed). Returns the
 * recognised text per page and, for every page that stays without text, the skip reason (OCR off, programs
 * missing with the Debian packages to install, a program failing, the file's time budget used up).
 * The PDF and page images live in a private temporary folder, removed before returning.
 */
export async function ocrPages({ bytes, candidates, mode = 'auto', tools: given, deadline, pageTimeoutMs = 60_000, maxPixels = 40_000_000 }: OcrPagesOptions): Promise<{ texts: Map<number, string>; skipped: Array<{ page: number; reason: string }> }> {
  const texts = new Map<number, string>();
  const skipped: Array<{ page: number; reason: string }> = [];
  if (candidates.length === 0) return { texts, skipped };
  const tools = mode === 'auto' ? findOcrTools(given ? { given } : {}) : undefined;
  if (!tools) {
    const why = mode === 'off' ? 'OCR is off (ocr: auto turns it on)' : `install OCR to read it (apt-get install ${OCR_PACKAGES})`;
    for (const c of candidates) skipped.push({ page: c.page, reason: `no usable text layer (${c.problem}); ${why}, or exclude the file` });
    return { texts, skipped };
  }
  const dir = await mkdtemp(join(tmpdir(), 'fathom-ocr-'));
  try {
    const pdfFile = join(dir, 'input.pdf');
    await writeFile(pdfFile, bytes);
    for (const c of candidates) {
      const left = deadline - Date.now() - 500;
      if (left < 1000) {
        skipped.push({ page: c.page, reason: `no usable text layer (${c.problem}); OCR stopped: the file's time budget (ingest.limits.fileTimeoutMs) was used up, raise it to OCR every page` });
        continue;
      }
      const dpi = Math.max(50, Math.min(300, Math.floor(72 * Math.sqrt(maxPixels / Math.max(1, c.width * c.height)))));
      const result = await ocrPdfPage({ tools, pdfFile, page: c.page, dpi, timeoutMs: Math.min(pageTimeoutMs, left), dir });
      if ('error' in result) skipped.push({ page: c.page, reason: `no usable text layer (${c.problem}) and OCR failed: ${result.error}` });
      else if (!result.text.trim()) skipped.push({ page: c.page, reason: `no usable text layer (${c.problem}) and OCR found no text` });
      else texts.set(c.page, result.text);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { texts, skipped };
}
