import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LoadEvent } from '../../../spec/loader.js';
import { pdfLoader } from '../pdf-loader.js';
import { assessPageText } from './assess-page-text.js';
import { joinHyphenation } from './join-hyphenation.js';

const prose = 'The committee reviewed the proposal and found that the evidence supports a different reading of the rule. ';

test('assessPageText: prose passes; a text layer of control characters or without word breaks is garbage with a reason', () => {
  assert.equal(assessPageText(prose.repeat(3)), undefined);
  const controls = Array.from({ length: 120 }, (_, i) => String.fromCharCode(2 + (i % 20))).join('') + prose;
  assert.match(assessPageText(controls) ?? '', /\d+% control, private-use or replacement characters/);
  assert.match(assessPageText('\ue000\ue001\ue002'.repeat(30)) ?? '', /private-use/);
  assert.match(assessPageText('Xq9Zk3Lm'.repeat(40)) ?? '', /mean word length/);
  assert.equal(assessPageText('\u0002\u0003 short'), undefined, 'too short to judge');
});

test('joinHyphenation joins line-end hyphens between lower-case letters only', () => {
  assert.equal(joinHyphenation('a differ-\nent reading'), 'a different reading');
  assert.equal(joinHyphenation('a differ- ent reading'), 'a different reading');
  assert.equal(joinHyphenation('pre- and post-processing'), 'pre- and post-processing');
  assert.equal(joinHyphenation('well-known and Anglo- Saxon'), 'well-known and Anglo- Saxon');
});

async function load(bytes: Uint8Array): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  // Without OCR programs: the garbage page is skipped (ocr-pages.test.ts covers OCRing it).
  for await (const e of pdfLoader.load({ path: '/tmp/x.pdf', relativePath: 'x.pdf', bytes, options: { ocrTools: { tesseract: '/nonexistent/tesseract' } } })) events.push(e);
  return events;
}

async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([600, 400]);
    lines.forEach((line, i) => page.drawText(line, { x: 20, y: 350 - i * 16, size: 9, font }));
  }
  return pdf.save();
}

test('a garbage page is skipped with a reason in the manifest metadata; a hyphenated line end is joined; all-garbage is FILE_EMPTY with the reason', async () => {
  const garbage = Array.from({ length: 6 }, () => 'Xq9Zk3LmPw'.repeat(8));
  const [event] = await load(await makePdf([['The committee found the evidence supports a differ-', 'ent reading of the rule in this case.'], garbage]));
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  assert.match(event.document.text, /different reading/);
  assert.doesNotMatch(event.document.text, /Xq9Zk3/);
  const extraction = event.document.metadata.extraction as { garbagePages: Array<{ page: number; reason: string }> };
  assert.equal(extraction.garbagePages.length, 1);
  assert.equal(extraction.garbagePages[0]!.page, 2);
  assert.match(extraction.garbagePages[0]!.reason, /no usable text layer \(mean word length .*apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils/);
  assert.match(String((event.document.metadata.extractionWarnings as string[])[0]), /^page 2 skipped/);
  const [only] = await load(await makePdf([garbage]));
  assert.equal(only?.type, 'skip');
  if (only?.type === 'skip') {
    assert.equal(only.skip.code, 'FILE_EMPTY');
    assert.match(only.skip.reason, /page 1 no usable text layer/);
  }
});
