import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { createChunker } from '../../chunkers/index.js';
import type { LoadedDocument } from '../../../spec/document.js';
import { createGptTokenizer } from '../../../util/tokenizers/index.js';
import { pdfLoader } from '../pdf-loader.js';

type Line = [text: string, size: number, font?: 'bold'];

/** A PDF whose pages hold the given lines top to bottom (Helvetica, or Helvetica-Bold), spaced by their size. */
async function makePdf(pages: Line[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts: Record<string, PDFFont> = { plain: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  for (const lines of pages) {
    const page = pdf.addPage([500, 700]);
    let y = 660;
    for (const [text, size, font] of lines) {
      page.drawText(text, { x: 40, y, size, font: fonts[font ?? 'plain']! });
      y -= size * 1.5;
    }
  }
  return pdf.save();
}

async function load(bytes: Uint8Array): Promise<LoadedDocument> {
  for await (const e of pdfLoader.load({ path: '/tmp/paper.pdf', relativePath: 'paper.pdf', bytes, options: {} })) if (e.type === 'document') return e.document;
  throw new Error('no document');
}

const headings = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('#'));
const body = (topic: string, n = 6): Line[] => Array.from({ length: n }, (_, i): Line => [`This body line ${i + 1} explains ${topic} in plain words for the reader`, 10]);

test('a title and numbered section titles set larger than the body become Markdown headings in order, with levels by size', async () => {
  const doc = await load(await makePdf([
    [['A Study of Example Retrieval', 18], ['1 Introduction', 13], ...body('the motivation'), ['2 Method', 13], ...body('the method')],
    [['2.1 Data Sources', 11.5], ...body('the data'), ['3 Results', 13], ...body('the results')],
  ]));
  assert.deepEqual(headings(doc.text), ['# A Study of Example Retrieval', '## 1 Introduction', '## 2 Method', '### 2.1 Data Sources', '## 3 Results']);
  assert.match(doc.text, /## 1 Introduction\n\nThis body line 1 explains the motivation/);
  assert.equal(doc.metadata.extraction && (doc.metadata.extraction as { headings: number }).headings, 5);
  // Chunks get heading paths from them.
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 512 });
  const chunks = await chunker.chunk({ text: doc.text, format: doc.format, ...(doc.pages ? { pages: doc.pages } : {}) });
  const results = chunks.find((c) => c.text.includes('explains the results'));
  assert.deepEqual(results?.headingPath, ['A Study of Example Retrieval', '3 Results']);
});

test('body text at body size stays text, even a short line without a period', async () => {
  const doc = await load(await makePdf([[...body('the setup'), ['Results', 10], ...body('the outcome'), ['Summary of findings', 10], ...body('the end')]]));
  assert.deepEqual(headings(doc.text), []);
  assert.match(doc.text, /\nResults\n/);
  assert.match(doc.text, /\nSummary of findings\n/);
});

test('a larger or bold line that ends like a sentence, is long, or is a figure label does not become a heading', async () => {
  const doc = await load(await makePdf([[
    ...body('the context'),
    ['This emphasised line ends with a period.', 13, 'bold'],
    ...body('more context'),
    ['A bold line at body size that ends with a period.', 10, 'bold'],
    ...body('the detail'),
    ['Definition 3', 10, 'bold'],
    ...body('the definition'),
    ['An emphasised line that runs on for far too many words to be a section title here', 13],
    ...body('the figure'),
    ['X', 14],
    ...body('the close'),
  ]]));
  assert.deepEqual(headings(doc.text), []);
  assert.match(doc.text, /This emphasised line ends with a period\./);
});

test('author lines at title size followed by more large lines are not headings; the title and sections still are', async () => {
  const doc = await load(await makePdf([[
    ['Retrieval Faithfulness', 18],
    ['Ada Lovelace Charles Babbage', 13, 'bold'],
    ['Analytical Engine Society', 13],
    ...body('the abstract'),
    ['1 Introduction', 13, 'bold'],
    ...body('the start'),
  ]]));
  assert.deepEqual(headings(doc.text), ['# Retrieval Faithfulness', '## 1 Introduction']);
  assert.match(doc.text, /Ada Lovelace Charles Babbage\nAnalytical Engine Society/);
});

test('a line on its own in a bold font at body size, followed by body text, is a heading below the larger ones', async () => {
  const doc = await load(await makePdf([[
    ['Quarterly Operations Report', 18],
    ...body('the summary'),
    ['Background', 10, 'bold'],
    ...body('the history'),
    ['2.1 Data Sources', 10, 'bold'],
    ...body('the data'),
    ['Costs of Compliance', 10, 'bold'],
    ...body('the costs'),
  ]]));
  assert.deepEqual(headings(doc.text), ['# Quarterly Operations Report', '## Background', '## 2.1 Data Sources', '## Costs of Compliance']);
});
