// Every built-in loader through the loader conformance suite (fathom/testing).
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { runLoaderConformance, type LoaderSample } from '../../testing/loader-conformance.js';
import { zipFiles } from '../../testing/hostile/zip-files.js';
import { asciidocLoader, csvLoader, docxLoader, htmlLoader, ipynbLoader, jsonlLoader, markdownLoader, odsLoader, odtLoader, pdfLoader, pptxLoader, rstLoader, rtfLoader, textLoader, xlsxLoader } from './index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const good = (relativePath: string, text: string | Uint8Array): LoaderSample => ({ relativePath, bytes: typeof text === 'string' ? utf8(text) : text, expect: 'document' });
const bad = (relativePath: string, bytes: Uint8Array): LoaderSample => ({ relativePath, bytes, expect: 'skip' });
const binary = Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0xc3, 0x28, 0x00, 0x9f, 0x92, 0x96]);

runLoaderConformance({ loader: textLoader, samples: [good('notes.txt', 'Refunds take 30 days.\r\nSupport answers fast.  \n'), bad('binary.txt', binary)] });
runLoaderConformance({ loader: markdownLoader, samples: [good('a.md', '---\ntitle: Alpha\ntags: [x]\n---\n# Alpha\n\nAn ordinary note about refunds.\n\n- one\n- two\n'), bad('binary.md', binary)] });
runLoaderConformance({ loader: htmlLoader, samples: [good('c.html', '<html><head><title>Gamma</title></head><body><nav>Menu</nav><article><h1>Gamma</h1><p>An ordinary page about pricing plans and seats, long enough to be the main content of the page.</p></article></body></html>'), bad('binary.html', binary)] });
runLoaderConformance({ loader: ipynbLoader, samples: [good('n.ipynb', JSON.stringify({ nbformat: 4, metadata: { kernelspec: { language: 'python' } }, cells: [{ cell_type: 'markdown', source: ['# Notebook\n', 'About refunds.'] }, { cell_type: 'code', source: 'print(1)', outputs: [] }] })), bad('broken.ipynb', utf8('{"cells": 3'))] });
runLoaderConformance({ loader: jsonlLoader, samples: [good('r.jsonl', '{"_id":"1","title":"One","text":"Refunds take 30 days."}\n{"_id":"2","text":"Support answers fast."}\n'), bad('bad.jsonl', utf8('{"_id":"1","text":\n[1,2]\n'))] });
runLoaderConformance({ loader: csvLoader, samples: [good('r.csv', 'id,title,text\n1,One,Refunds take 30 days.\n2,Two,Support answers fast.\n'), bad('bad.csv', utf8('id,title,text\n1,One,\n'))] });

async function pdfSamples(): Promise<LoaderSample[]> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([400, 400]).drawText('Refunds take 30 days.', { x: 40, y: 350, size: 12, font });
  pdf.addPage([400, 400]).drawText('Support answers fast.', { x: 40, y: 350, size: 12, font });
  return [good('paper.pdf', await pdf.save()), bad('not-a.pdf', utf8('%PDF-1.7\nthis is not a pdf'))];
}

async function docxSamples(): Promise<LoaderSample[]> {
  const docx = new Document({ sections: [{ children: [new Paragraph('Refund Policy'), new Paragraph('Refunds are issued within 30 days.')] }] });
  return [good('policy.docx', new Uint8Array(await Packer.toBuffer(docx))), bad('not-a.docx', binary)];
}

runLoaderConformance({ loader: pdfLoader, samples: pdfSamples });
runLoaderConformance({ loader: docxLoader, samples: docxSamples });

const odf = (body: string) => `<office:document-content><office:body>${body}</office:body></office:document-content>`;
runLoaderConformance({ loader: odtLoader, samples: [good('policy.odt', zipFiles([{ name: 'content.xml', data: odf('<office:text><text:h text:outline-level="1">Refunds</text:h><text:p>Refunds take 30 days.</text:p></office:text>') }])), bad('empty.odt', zipFiles([{ name: 'content.xml', data: odf('<office:text/>') }])), bad('not-a.odt', binary)] });
runLoaderConformance({ loader: odsLoader, samples: [good('prices.ods', zipFiles([{ name: 'content.xml', data: odf('<office:spreadsheet><table:table table:name="Plans"><table:table-row><table:table-cell><text:p>Team</text:p></table:table-cell><table:table-cell office:value="14"/></table:table-row></table:table></office:spreadsheet>') }])), bad('not-a.ods', binary)] });
runLoaderConformance({ loader: rtfLoader, samples: [good('notes.rtf', utf8('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard Refunds take 30 days.\\par Support answers fast.\\par}')), bad('not-a.rtf', binary), bad('cut.rtf', utf8('{\\rtf1\\ansi\\pard Refunds take'))] });
runLoaderConformance({ loader: rstLoader, samples: [good('guide.rst', 'Refunds\n=======\n\nRefunds take 30 days.\n\n.. code-block:: sh\n\n   # list refunds\n   fathom search refunds\n'), bad('blank.rst', utf8('\n\n')), bad('not-a.rst', binary)] });
runLoaderConformance({ loader: asciidocLoader, samples: [good('guide.adoc', '= Refunds\n\nRefunds take 30 days.\n\n[source,sh]\n----\n# list refunds\nfathom search refunds\n----\n'), bad('blank.adoc', utf8('\n')), bad('not-a.adoc', binary)] });
const xlsx = (sheet: string) => zipFiles([
  { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="Plans" sheetId="1" r:id="rId1"/></sheets></workbook>' },
  { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
  { name: 'xl/worksheets/sheet1.xml', data: sheet },
]);
runLoaderConformance({ loader: xlsxLoader, samples: [good('plans.xlsx', xlsx('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Team</t></is></c><c r="B1"><v>14</v></c></row></sheetData></worksheet>')), bad('not-a.xlsx', binary)] });
const slide = '<p:sld><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>Refunds</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>';
runLoaderConformance({ loader: pptxLoader, samples: [good('deck.pptx', zipFiles([{ name: 'ppt/slides/slide1.xml', data: slide }])), bad('not-a.pptx', binary)] });
