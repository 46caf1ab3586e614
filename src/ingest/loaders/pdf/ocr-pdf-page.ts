import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrTools } from './find-ocr-tools.js';

/** Options of {@link ocrPdfPage}. */
export interface OcrPdfPageOptions {
  tools: OcrTools;
  /** The PDF file on disk. */
  pdfFile: string;
  /** 1-based page number. */
  page: number;
  /** Rasterising resolution, dots per inch. @default 300 */
  dpi?: number;
  /** Wall time for both programs together, ms; over → the page is not OCRed (the child is killed). */
  timeoutMs: number;
  /** A private temporary folder for the page image (the image is deleted before returning). */
  dir: string;
  /** Bytes of text tesseract may print; more → the page is not OCRed. @default 8 MiB */
  maxOutputBytes?: number;
}

/**
 * OCR one PDF page with system programs: `pdftoppm -r <dpi> -png` rasterises it, `tesseract <png> stdout`
 * recognises its text (one thread: the machine's other work keeps its cores). Returns the text, or the
 * reason the page could not be OCRed (time limit, output limit, a program failing).
 */
export async function ocrPdfPage({ tools, pdfFile, page, dpi = 300, timeoutMs, dir, maxOutputBytes = 8 * 1024 * 1024 }: OcrPdfPageOptions): Promise<{ text: string } | { error: string }> {
  const started = Date.now();
  const prefix = join(dir, `page-${page}`);
  const png = `${prefix}.png`;
  try {
    const raster = await _run(tools.pdftoppm, ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, prefix], timeoutMs, 64 * 1024);
    if ('error' in raster) return { error: `rasterising with pdftoppm ${raster.error}` };
    const left = timeoutMs - (Date.now() - started);
    if (left <= 0) return { error: `OCR took over ${timeoutMs} ms` };
    const ocr = await _run(tools.tesseract, [png, 'stdout'], left, maxOutputBytes, { OMP_THREAD_LIMIT: '1' });
    if ('error' in ocr) return { error: `tesseract ${ocr.error}` };
    return { text: ocr.stdout };
  } finally {
    await rm(png, { force: true });
  }
}

function _run(file: string, args: string[], timeoutMs: number, maxBuffer: number, env?: Record<string, string>): Promise<{ stdout: string } | { error: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer, encoding: 'utf8', ...(env ? { env: { ...process.env, ...env } } : {}) }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout });
      const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
      if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ error: `printed over ${maxBuffer} bytes` });
      if (e.killed) return resolve({ error: `took over ${timeoutMs} ms (stopped)` });
      const detail = String(stderr).trim().split('\n').at(-1)?.slice(0, 200);
      resolve({ error: `failed (${e.code ?? 'error'}${detail ? `: ${detail}` : ''})` });
    });
  });
}
