import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent, Loader } from '../../spec/loader.js';
import { zipFiles } from '../../testing/hostile/zip-files.js';
import { loaderForPath } from './index.js';
import { pptxLoader, xlsxLoader } from './office-loaders.js';

async function load(loader: Loader, name: string, bytes: Uint8Array, limits = {}): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of loader.load({ path: `/tmp/${name}`, relativePath: name, bytes, options: {}, limits })) events.push(e);
  return events;
}

test('.xlsx: each sheet is a section holding one Markdown table (shared and inline strings, numbers, sparse cells)', async () => {
  const bytes = zipFiles([
    { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="Prices &amp; plans" sheetId="1" r:id="rId1"/><sheet name="Empty" sheetId="2" r:id="rId2"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>' },
    { name: 'xl/sharedStrings.xml', data: '<sst><si><t>Plan</t></si><si><t>Price</t></si><si><r><t>Team</t></r><r><t xml:space="preserve"> plan</t></r></si></sst>' },
    { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2"><v>14</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Pro | plus</t></is></c><c r="B3"><v>49.5</v></c></row></sheetData></worksheet>' },
    { name: 'xl/worksheets/sheet2.xml', data: '<worksheet><sheetData/></worksheet>' },
  ]);
  const [e] = await load(xlsxLoader, 'prices.xlsx', bytes);
  assert.equal(e?.type, 'document');
  if (e?.type !== 'document') return;
  assert.equal(e.document.format, 'xlsx');
  assert.equal(e.document.text, '## Prices & plans\n\n| Plan | Price |  |\n| --- | --- | --- |\n| Team plan |  | 14 |\n| Pro \\| plus | 49.5 |  |');
  assert.equal(loaderForPath('a/b.XLSX'), xlsxLoader);
});

test('.pptx: each slide a section titled from its title placeholder, in slide order', async () => {
  const slide = (title: string, body: string[]) =>
    `<p:sld><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>${title}</a:t></a:r></a:p></p:txBody></p:sp>` +
    `<p:sp><p:txBody>${body.map((b) => `<a:p><a:r><a:t>${b}</a:t></a:r></a:p>`).join('')}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
  const bytes = zipFiles([
    { name: 'ppt/slides/slide10.xml', data: slide('Wrap-up', ['Questions?']) },
    { name: 'ppt/slides/slide2.xml', data: slide('Roadmap', ['Q1: search', 'Q2: answers &amp; citations']) },
    { name: 'ppt/slides/slide1.xml', data: slide('Kick-off', ['Welcome']) },
  ]);
  const [e] = await load(pptxLoader, 'deck.pptx', bytes);
  assert.equal(e?.type, 'document');
  if (e?.type !== 'document') return;
  assert.equal(e.document.text, '## Slide 1: Kick-off\n\nWelcome\n\n## Slide 2: Roadmap\n\nQ1: search\n\nQ2: answers & citations\n\n## Slide 3: Wrap-up\n\nQuestions?');
});

test('office files: a broken zip is FILE_MALFORMED; parts over decompressedBytes are LIMIT_EXCEEDED before reading', async () => {
  const [broken] = await load(pptxLoader, 'x.pptx', new TextEncoder().encode('not a zip at all'));
  assert.equal(broken?.type === 'skip' && broken.skip.code, 'FILE_MALFORMED');
  const big = zipFiles([{ name: 'ppt/slides/slide1.xml', data: `<p:sld>${'<a:t>x</a:t>'.repeat(200_000)}</p:sld>` }]);
  const [over] = await load(pptxLoader, 'big.pptx', big, { decompressedBytes: 100_000 });
  assert.equal(over?.type === 'skip' && over.skip.limit?.name, 'ingest.limits.decompressedBytes');
});
