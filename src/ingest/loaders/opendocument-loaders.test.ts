import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent, Loader } from '../../spec/loader.js';
import { zipFiles } from '../../testing/hostile/zip-files.js';
import { loaderForPath } from './index.js';
import { odsLoader, odtLoader } from './office-loaders.js';

async function load(loader: Loader, name: string, bytes: Uint8Array, limits = {}): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of loader.load({ path: `/tmp/${name}`, relativePath: name, bytes, options: {}, limits })) events.push(e);
  return events;
}

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';

const odtContent = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}>
<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Preformatted_20_Text"/><style:style style:name="P2" style:family="paragraph"><style:text-properties style:font-name="Liberation Mono"/></style:style></office:automatic-styles>
<office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Refund policy</text:h>
<text:p text:style-name="Standard">Refunds are issued within <text:span text:style-name="T1">30 days</text:span>.<text:s text:c="2"/>Ask support &amp; billing.<office:annotation><text:p>Reviewer: check this</text:p></office:annotation><text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Business days only.</text:p></text:note-body></text:note></text:p>
<text:h text:outline-level="2">Steps</text:h>
<text:list><text:list-item><text:p>Open a ticket</text:p></text:list-item><text:list-item><text:p>Attach the receipt</text:p><text:list><text:list-item><text:p>PDF or photo</text:p></text:list-item></text:list></text:list-item></text:list>
<text:p text:style-name="P1"># not a heading</text:p><text:p text:style-name="P2">refund --order 42</text:p>
<table:table table:name="Plans"><table:table-row><table:table-cell><text:p>Plan</text:p></table:table-cell><table:table-cell><text:p>Days</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Team | Pro</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="30"><text:p>30</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>`;

test('.odt: headings at their outline level, paragraphs, nested lists, tables, code paragraphs fenced; comments left out, footnotes kept; title from meta.xml', async () => {
  const bytes = zipFiles([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
    { name: 'content.xml', data: odtContent },
    { name: 'meta.xml', data: '<office:document-meta><office:meta><dc:title>Refunds &amp; returns</dc:title></office:meta></office:document-meta>' },
  ]);
  const [e] = await load(odtLoader, 'policy.odt', bytes);
  assert.equal(e?.type, 'document', JSON.stringify(e));
  if (e?.type !== 'document') return;
  assert.equal(e.document.format, 'odt');
  assert.equal(e.document.title, 'Refunds & returns');
  assert.equal(
    e.document.text,
    [
      '# Refund policy',
      'Refunds are issued within 30 days. Ask support & billing.',
      'Business days only.',
      '## Steps',
      '- Open a ticket',
      '- Attach the receipt',
      '  - PDF or photo',
      '```\n# not a heading\nrefund --order 42\n```',
      '| Plan | Days |\n| --- | --- |\n| Team \\| Pro | 30 |',
    ].join('\n\n'),
  );
  assert.equal(loaderForPath('a/b.ODT'), odtLoader);
});

test('.ods: each sheet a section with one table; repeated cells and rows expanded when they hold text, trailing empty repeats dropped; a huge repeat is LIMIT_EXCEEDED', async () => {
  const sheet = (rows: string) => `<office:document-content ${NS}><office:body><office:spreadsheet><table:table table:name="Prices &amp; plans">${rows}</table:table><table:table table:name="Empty"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
  const rows =
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Plan</text:p></table:table-cell><table:table-cell><text:p>Price</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/></table:table-row>' +
    '<table:table-row table:number-rows-repeated="2"><table:table-cell><text:p>Team</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="14"/></table:table-row>' +
    '<table:table-row><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell><table:table-cell/></table:table-row>' +
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>';
  const [e] = await load(odsLoader, 'prices.ods', zipFiles([{ name: 'content.xml', data: sheet(rows) }]));
  assert.equal(e?.type, 'document', JSON.stringify(e));
  if (e?.type !== 'document') return;
  assert.equal(e.document.format, 'ods');
  assert.equal(e.document.text, '## Prices & plans\n\n| Plan | Price |\n| --- | --- |\n| Team | 14 |\n| Team | 14 |\n| x | x |');
  const bomb = '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000"><text:p>boom</text:p></table:table-cell></table:table-row>';
  const [over] = await load(odsLoader, 'bomb.ods', zipFiles([{ name: 'content.xml', data: sheet(bomb) }]), { extractedChars: 100_000 });
  assert.equal(over?.type === 'skip' && over.skip.code, 'LIMIT_EXCEEDED');
  assert.equal(over?.type === 'skip' && over.skip.limit?.name, 'ingest.limits.extractedChars');
});

test('.odt/.ods without content.xml or not a zip is one FILE_MALFORMED skip', async () => {
  const [noContent] = await load(odtLoader, 'x.odt', zipFiles([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }]));
  assert.equal(noContent?.type === 'skip' && noContent.skip.code, 'FILE_MALFORMED');
  const [notZip] = await load(odsLoader, 'x.ods', new TextEncoder().encode('plain text'));
  assert.equal(notZip?.type === 'skip' && notZip.skip.code, 'FILE_MALFORMED');
});
