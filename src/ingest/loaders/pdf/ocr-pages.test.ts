// OCR of PDF pages without a text layer, with the system's pdftoppm + tesseract (skips when absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LoadEvent, LoaderOptions } from '../../../spec/loader.js';
import { pdfLoader } from '../pdf-loader.js';
import { findOcrTools } from './find-ocr-tools.js';

const tools = findOcrTools();
const noOcr = tools ? false : 'tesseract or pdftoppm is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils)';
const lines = ['Refunds are issued within thirty days', 'of the purchase date by the support team'];

async function load(bytes: Uint8Array, options: LoaderOptions = {}): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of pdfLoader.load({ path: '/tmp/scan.pdf', relativePath: 'scan.pdf', bytes, options })) events.push(e);
  return events;
}

/** A "scanned" PDF: a page with real text is rendered to PNG by pdftoppm, and only the image goes into the PDF. */
async function scannedPdf(): Promise<Uint8Array> {
  const text = await PDFDocument.create();
  const font = await text.embedFont(StandardFonts.Helvetica);
  const page = text.addPage([420, 120]);
  lines.forEach((line, i) => page.drawText(line, { x: 20, y: 80 - i * 24, size: 16, font }));
  const dir = mkdtempSync(join(tmpdir(), 'fathom-scan-'));
  try {
    writeFileSync(join(dir, 'text.pdf'), await text.save());
    execFileSync(tools!.pdftoppm, ['-r', '150', '-png', '-singlefile', join(dir, 'text.pdf'), join(dir, 'page')]);
    const scan = await PDFDocument.create();
    const png = await scan.embedPng(readFileSync(join(dir, 'page.png')));
    scan.addPage([420, 120]).drawImage(png, { x: 0, y: 0, width: 420, height: 120 });
    return await scan.save();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a PDF page without a text layer is OCRed: the words come back, marked as OCR in metadata and warnings, temp files removed', { skip: noOcr, timeout: 120_000 }, async () => {
  const bytes = await scannedPdf();
  const before = readdirSync(tmpdir()).filter((n) => n.startsWith('fathom-ocr-')).length;
  const [event] = await load(bytes);
  assert.equal(event?.type, 'document', JSON.stringify(event));
  if (event?.type !== 'document') return;
  const words = event.document.text.toLowerCase();
  for (const w of ['refunds', 'issued', 'within', 'thirty', 'days', 'purchase', 'support']) assert.ok(words.includes(w), `OCR recovered '${w}' from: ${event.document.text}`);
  const extraction = event.document.metadata.extraction as { method: string; ocrPages: number[]; garbagePages: unknown[] };
  assert.deepEqual(extraction.ocrPages, [1]);
  assert.equal(extraction.method, 'ocr');
  assert.deepEqual(extraction.garbagePages, []);
  assert.match(String((event.document.metadata.extractionWarnings as string[])[0]), /page 1 had no usable text layer and was OCRed with tesseract/);
  assert.deepEqual(event.document.pages?.map((p) => p.page), [1]);
  assert.equal(readdirSync(tmpdir()).filter((n) => n.startsWith('fathom-ocr-')).length, before, 'the OCR temp folder is removed');
});

test('without the OCR programs (or with ocr off) a scanned PDF is one FILE_EMPTY skip naming the Debian packages (or that OCR is off)', { skip: noOcr, timeout: 60_000 }, async () => {
  const bytes = await scannedPdf();
  const [missing] = await load(bytes, { ocrTools: { tesseract: '/nonexistent/tesseract' } });
  assert.equal(missing?.type, 'skip');
  if (missing?.type === 'skip') {
    assert.equal(missing.skip.code, 'FILE_EMPTY');
    assert.match(missing.skip.reason, /page 1 no usable text layer \(no text on a page that draws something.*apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils/);
  }
  const [off] = await load(bytes, { ocr: 'off' });
  assert.equal(off?.type === 'skip' && off.skip.code, 'FILE_EMPTY');
  assert.match(off?.type === 'skip' ? off.skip.reason : '', /OCR is off/);
});

test('OCR that cannot finish in the file budget skips the page with the limit named', { skip: noOcr, timeout: 60_000 }, async () => {
  const bytes = await scannedPdf();
  const events: LoadEvent[] = [];
  for await (const e of pdfLoader.load({ path: '/tmp/scan.pdf', relativePath: 'scan.pdf', bytes, options: {}, deadline: Date.now() })) events.push(e);
  assert.equal(events[0]?.type, 'skip');
  assert.match(events[0]?.type === 'skip' ? events[0].skip.reason : '', /ingest\.limits\.fileTimeoutMs/);
});
