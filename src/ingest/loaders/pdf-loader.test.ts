import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LoadEvent, LoaderInput } from '../../spec/loader.js';
import { normalizeText } from '../../util/text/normalize-text.js';
import { pdfLoader } from './pdf-loader.js';

async function load(bytes: Uint8Array, relativePath = 'docs/paper.pdf'): Promise<LoadEvent[]> {
  const input: LoaderInput = { path: `/tmp/${relativePath}`, relativePath, bytes, options: {} };
  const events: LoadEvent[] = [];
  for await (const e of pdfLoader.load(input)) events.push(e);
  return events;
}

async function makePdf(pages: string[][], title?: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (title) pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([400, 400]);
    lines.forEach((line, i) => page.drawText(line, { x: 40, y: 350 - i * 20, size: 12, font }));
  }
  return pdf.save();
}

test('extracts text per page and records exact page spans', async () => {
  const bytes = await makePdf([['Page one heading', 'Alpha facts live here.'], [], ['Page three says gamma.']], 'Security Whitepaper');
  const [event] = await load(bytes);
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  const doc = event.document;
  assert.equal(doc.title, 'Security Whitepaper');
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.metadata.pageCount, 3);
  assert.deepEqual(doc.pages?.map((p) => p.page), [1, 3], 'the blank page 2 has no span');
  const [p1, p3] = doc.pages!;
  assert.match(doc.text.slice(p1!.start, p1!.end), /^Page one heading\s+Alpha facts live here\.$/);
  assert.equal(doc.text.slice(p3!.start, p3!.end), 'Page three says gamma.');
  assert.equal(doc.text.slice(p1!.end, p3!.start), '\n\n');
  assert.equal(p3!.end, doc.text.length);
  assert.equal(normalizeText(doc.text), doc.text);
});

test('falls back to the file name when the PDF has no title', async () => {
  const [event] = await load(await makePdf([['Hello']]), 'a/untitled.pdf');
  assert.equal(event?.type === 'document' && event.document.title, 'untitled.pdf');
});

test('a corrupt PDF is one FILE_MALFORMED skip', async () => {
  const good = await makePdf([['Hello there']]);
  const corrupt = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...good.slice(200, 400)]);
  const events = await load(corrupt);
  assert.equal(events.length, 1);
  assert.equal(events[0]?.type, 'skip');
  if (events[0]?.type === 'skip') {
    assert.equal(events[0].skip.code, 'FILE_MALFORMED');
    assert.equal(events[0].skip.path, 'docs/paper.pdf');
    assert.match(events[0].skip.reason, /could not be read as pdf/);
  }
});

test('a PDF without a text layer is FILE_EMPTY', async () => {
  const [event] = await load(await makePdf([[]]));
  assert.equal(event?.type === 'skip' && event.skip.code, 'FILE_EMPTY');
});

// C1: this 600 KB file aborted the process out of memory (exit 134), on every re-run.
test('a PDF whose page tree lists one page 100,000 times is LIMIT_EXCEEDED pages, read no further', { timeout: 60_000 }, async () => {
  const { hostilePdfPageTree } = await import('../../testing/hostile/hostile-pdf.js');
  const [event] = await load(hostilePdfPageTree({ references: 100_000 }), 'bomb.pdf');
  assert.equal(event?.type === 'skip' && event.skip.code, 'LIMIT_EXCEEDED');
  if (event?.type !== 'skip') return;
  assert.deepEqual(event.skip.limit, { name: 'ingest.limits.pages', value: 100_000, max: 5_000 });
  assert.match(event.skip.reason, /'bomb\.pdf' exceeds ingest\.limits\.pages \(5,000 pages\): the PDF has 100,000/);
});

test('two columns drawn line by line (interleaved) are read column by column', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([600, 400]);
  const left = Array.from({ length: 12 }, (_, i) => `Left column sentence ${i} about apples.`);
  const right = Array.from({ length: 12 }, (_, i) => `Right column sentence ${i} about pears.`);
  // Drawn in naive reading order: each left line, then the right line at the same height.
  for (let i = 0; i < 12; i++) {
    page.drawText(left[i]!, { x: 40, y: 350 - i * 14, size: 10, font });
    page.drawText(right[i]!, { x: 320, y: 350 - i * 14, size: 10, font });
  }
  const [event] = await load(await pdf.save());
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  assert.equal(event.document.text.replace(/\s+/g, ' '), [...left, ...right].join(' '));
  assert.equal((event.document.metadata.extraction as { multiColumnPages: number }).multiColumnPages, 1);
});

test('running headers and footers repeated on most pages are removed (page numbers masked); the body stays', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 5; n++) {
    const page = pdf.addPage([400, 400]);
    page.drawText(`ACME Operations Manual, revision 3 — page ${n}`, { x: 40, y: 370, size: 9, font });
    const topic = ['apples', 'pears', 'plums', 'figs', 'dates'][n - 1]!;
    for (let i = 0; i < 8; i++) page.drawText(`Body line ${i} is about ${topic}.`, { x: 40, y: 330 - i * 14, size: 11, font });
    page.drawText('Confidential: internal use only', { x: 40, y: 30, size: 9, font });
  }
  const [event] = await load(await pdf.save());
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  const { text, metadata } = event.document;
  assert.doesNotMatch(text, /ACME Operations Manual|Confidential/);
  for (const topic of ['apples', 'pears', 'plums', 'figs', 'dates']) for (let i = 0; i < 8; i++) assert.match(text, new RegExp(`Body line ${i} is about ${topic}\\.`));
  assert.equal((metadata.extraction as { runningLinesRemoved: number }).runningLinesRemoved, 10);
});

test('a first-page-only publisher footer below the running page number is removed; body text, even a page running lower, stays', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const topics = ['apples', 'pears', 'plums', 'figs', 'dates'];
  for (let n = 1; n <= 5; n++) {
    const page = pdf.addPage([400, 400]);
    for (let i = 0; i < 8; i++) page.drawText(`Body line ${i} is about ${topics[n - 1]}.`, { x: 40, y: 350 - i * 14, size: 11, font });
    page.drawText(String(4968 + n), { x: 190, y: 40, size: 9, font });
    if (n === 1) {
      page.drawText('Proceedings of the 58th Annual Meeting of the Example Society, pages 4969-4973', { x: 40, y: 24, size: 8, font });
      page.drawText('July 5 - 10, 2020. (c) 2020 Example Society', { x: 90, y: 14, size: 8, font });
    }
  }
  const [event] = await load(await pdf.save());
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  const { text } = event.document;
  assert.doesNotMatch(text, /Proceedings of the 58th|July 5 - 10|\b49(69|7\d)\b/);
  for (const topic of topics) for (let i = 0; i < 8; i++) assert.match(text, new RegExp(`Body line ${i} is about ${topic}\\.`));

  // Without a running footer there is no margin to trust: a last body line lower on one page is kept.
  const plain = await PDFDocument.create();
  const plainFont = await plain.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 5; n++) {
    const page = plain.addPage([400, 400]);
    for (let i = 0; i < 8; i++) page.drawText(`Body line ${i} is about ${topics[n - 1]}.`, { x: 40, y: 350 - i * 14, size: 11, font: plainFont });
    if (n === 1) page.drawText('A closing sentence near the bottom of page one stays.', { x: 40, y: 20, size: 11, font: plainFont });
  }
  const [plainEvent] = await load(await plain.save());
  assert.ok(plainEvent?.type === 'document' && plainEvent.document.text.includes('A closing sentence near the bottom of page one stays.'));
});

test('a spacing accent drawn back over the glyph before it accents that glyph (iText order), one drawn before its letter accents the letter (TeX order)', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([400, 200]);
  const w = (s: string) => font.widthOfTextAtSize(s, 10);
  // iText: "Aviac", then "¸a" moved back over the c, then "˜o" moved back over the a → Aviação (not Aviaçaõ).
  const x = 40;
  page.drawText('Aviac', { x, y: 150, size: 10, font });
  const x2 = x + w('Aviac') - w('c');
  page.drawText('\u00b8a', { x: x2, y: 150, size: 10, font });
  page.drawText('\u02dco Civil', { x: x2 + w('\u00b8a') - w('a'), y: 150, size: 10, font });
  // TeX: "F", the accent where the next letter goes, then "arber" drawn under it → Färber.
  page.drawText('F', { x, y: 120, size: 10, font });
  page.drawText('\u00a8', { x: x + w('F'), y: 120, size: 10, font });
  page.drawText('arber', { x: x + w('F'), y: 120, size: 10, font });
  const [event] = await load(await pdf.save());
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  assert.match(event.document.text, /Aviação Civil/);
  assert.match(event.document.text, /Färber/);
});
