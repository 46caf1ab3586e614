import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { LoadEvent } from '../../spec/loader.js';
import { docxLoader } from './docx-loader.js';

async function load(bytes: Uint8Array): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of docxLoader.load({ path: '/tmp/policy.docx', relativePath: 'policy.docx', bytes, options: {} })) events.push(e);
  return events;
}

test('converts headings, paragraphs and tables to Markdown', async () => {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: 'Refund Policy', heading: HeadingLevel.HEADING_1 }),
        new Paragraph('Refunds are issued within 30 days.'),
        new Paragraph({ text: 'Enterprise plans', heading: HeadingLevel.HEADING_2 }),
        new Paragraph('Enterprise contracts are refundable for 45 days.'),
        new Table({ rows: [new TableRow({ children: [cell('Plan'), cell('Window')] }), new TableRow({ children: [cell('Team'), cell('14 days')] })] }),
      ],
    }],
  });
  const [event] = await load(new Uint8Array(await Packer.toBuffer(doc)));
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  assert.equal(event.document.title, 'Refund Policy');
  assert.equal(event.document.format, 'docx');
  assert.match(event.document.text, /^# Refund Policy\n\nRefunds are issued within 30 days\.\n\n## Enterprise plans\n\nEnterprise contracts/);
  assert.match(event.document.text, /\| Team \| 14 days \|/);
});

test('a broken DOCX zip is one FILE_MALFORMED skip', async () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('this is not really a zip archive')]);
  const events = await load(bytes);
  assert.equal(events.length, 1);
  assert.equal(events[0]?.type === 'skip' && events[0].skip.code, 'FILE_MALFORMED');
});

// C5: a 320 KB DOCX holding 84 MB of XML took 117 s and 4.2 GB.
test('a DOCX whose XML parts declare more than decompressedBytes, or inflate past what they declare, is LIMIT_EXCEEDED before mammoth runs', { timeout: 60_000 }, async () => {
  const { hostileDocx } = await import('../../testing/hostile/hostile-docx.js');
  const [bomb] = await load(hostileDocx({ xmlBytes: 84 * 1024 * 1024 }));
  assert.equal(bomb?.type === 'skip' && bomb.skip.code, 'LIMIT_EXCEEDED');
  assert.equal(bomb?.type === 'skip' && bomb.skip.limit?.name, 'ingest.limits.decompressedBytes');
  assert.match(bomb?.type === 'skip' ? bomb.skip.reason : '', /XML parts declare 88,\d{3},\d{3}/);
  const [liar] = await load(hostileDocx({ xmlBytes: 2 * 1024 * 1024, lie: true }));
  assert.match(liar?.type === 'skip' ? liar.skip.reason : '', /declares 1,000 bytes but inflates to more than 1,000/);
  const [small] = await load(hostileDocx({ xmlBytes: 5000, text: 'A small honest document.' }));
  assert.match(small?.type === 'document' ? small.document.text : '', /^A small honest document\./);
});

test('code paragraphs (monospace font) keep a fence — `# comment` lines never become headings — and Title / Heading N map to Markdown headings', async () => {
  const code = (line: string) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: 'Install guide', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Setup', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun('Run '), new TextRun({ text: 'make install', font: 'Courier New' }), new TextRun(' as root.')] }),
        code('# build everything first'),
        code('make all'),
        new Paragraph({ text: 'Usage', heading: HeadingLevel.HEADING_2 }),
        new Paragraph('Then start it.'),
      ],
    }],
  });
  const [event] = await load(new Uint8Array(await Packer.toBuffer(doc)));
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  const text = event.document.text;
  assert.match(text, /^# Install guide\n\n# Setup\n/);
  assert.match(text, /Run `make install` as root\./);
  assert.match(text, /```\n# build everything first\nmake all\n```/);
  assert.match(text, /\n## Usage\n\nThen start it\./);
  const outsideFences = text.replace(/```[\s\S]*?```/g, '');
  assert.deepEqual(outsideFences.split('\n').filter((l) => /^#+ /.test(l)), ['# Install guide', '# Setup', '## Usage']);
});
