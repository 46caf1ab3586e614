import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent } from '../../spec/loader.js';
import { loaderForPath } from './index.js';
import { rtfLoader } from './rtf-loader.js';

async function load(rtf: string, limits = {}): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const e of rtfLoader.load({ path: '/tmp/a.rtf', relativePath: 'a.rtf', bytes: Buffer.from(rtf, 'latin1'), options: {}, limits })) events.push(e);
  return events;
}

// The shape WordPad / Word / LibreOffice write: font, colour and style tables, info, headers, fields, tables.
const sampleRtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman{\*\panose 02020603050405020304}Times New Roman;}{\f1\fmodern Courier New;}}
{\colortbl;\red0\green0\blue0;}
{\stylesheet{\s0 Normal;}{\s1\outlinelevel0 heading 1;}{\s2 heading 2;}{\*\cs10 Default Paragraph Font;}}
{\info{\title Refund policy}{\author Someone}}
{\header\pard Company confidential\par}
{\*\generator Riched20 10.0;}
\pard\s1 Refund policy\par
\pard Refunds are issued within 30 days. Caf\'e9 cr\u232\'e8me \u8212? fast\~ship\line second line\par
\pard\s2 Steps\par
\pard Visit {\field{\*\fldinst HYPERLINK "https://example.com"}{\fldrslt the portal}} and {\b ask}\emdash politely\{not\}.\par
{\pict\pngblip 89504e470d0a}
\pard\f1 # not a heading\par
\pard\f1 refund --order 42\par
\pard\f0\intbl Plan\cell Days\cell\row
\pard\intbl Team | Pro\cell 30\cell\row
\pard\outlinelevel2 Level three\par
}`;

test('.rtf: headings from heading styles and outline levels, paragraphs, escapes, fields, tables, monospace code fenced; tables of fonts, colours, styles, info, headers and pictures left out', async () => {
  const [e] = await load(sampleRtf);
  assert.equal(e?.type, 'document', JSON.stringify(e));
  if (e?.type !== 'document') return;
  assert.equal(e.document.format, 'rtf');
  assert.equal(e.document.title, 'Refund policy');
  assert.equal(
    e.document.text,
    [
      '# Refund policy',
      'Refunds are issued within 30 days. Café crème — fast\u00a0ship\nsecond line',
      '## Steps',
      'Visit the portal and ask—politely{not}.',
      '```\n# not a heading\nrefund --order 42\n```',
      '| Plan | Days |\n| --- | --- |\n| Team \\| Pro | 30 |',
      '### Level three',
    ].join('\n\n'),
  );
  assert.doesNotMatch(e.document.text, /Times New Roman|Company confidential|Riched|HYPERLINK|89504e|Someone|Normal/);
  assert.equal(loaderForPath('x/y.RTF'), rtfLoader);
});

test('.rtf: not RTF or truncated is FILE_MALFORMED; groups nested past ingest.limits.depth are LIMIT_EXCEEDED', async () => {
  const [bad] = await load('just text');
  assert.equal(bad?.type === 'skip' && bad.skip.code, 'FILE_MALFORMED');
  const [cut] = await load(sampleRtf.slice(0, sampleRtf.length / 2));
  assert.equal(cut?.type === 'skip' && cut.skip.code, 'FILE_MALFORMED', 'a truncated file is not a partial document');
  const [deep] = await load(`{\\rtf1 ${'{'.repeat(5000)}x${'}'.repeat(5000)}}`, { depth: 512 });
  assert.equal(deep?.type === 'skip' && deep.skip.code, 'LIMIT_EXCEEDED');
  assert.equal(deep?.type === 'skip' && deep.skip.limit?.name, 'ingest.limits.depth');
});
