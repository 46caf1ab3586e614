import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent } from '../../spec/loader.js';
import { markdownLoader } from './markdown-loader.js';
import { textLoader } from './text-loader.js';

async function load(loader: typeof markdownLoader, content: string | Uint8Array, relativePath = 'docs/guide.md'): Promise<LoadEvent[]> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const events: LoadEvent[] = [];
  for await (const e of loader.load({ path: `/tmp/${relativePath}`, relativePath, bytes, modifiedAt: 1700000000000, options: {} })) events.push(e);
  return events;
}

test('markdown: title from the first # heading, text normalised, id and source are the relative path', async () => {
  const [event] = await load(markdownLoader, '\uFEFFIntro line\r\n\r\n## Sub\r\n\r\n# Real Title #\r\n\r\n\r\n\r\nBody   \r\n');
  assert.equal(event?.type, 'document');
  if (event?.type !== 'document') return;
  assert.deepEqual(event.document, {
    id: 'docs/guide.md',
    source: 'docs/guide.md',
    title: 'Real Title',
    text: 'Intro line\n\n## Sub\n\n# Real Title #\n\nBody',
    format: 'markdown',
    modifiedAt: 1700000000000,
    metadata: {},
  });
});

test('markdown: front matter gives title and metadata and is removed from the text', async () => {
  const [event] = await load(markdownLoader, '---\ntitle: "Pricing"\nowner: billing\nversion: 2\n---\n# Heading\n\nText.');
  assert.equal(event?.type === 'document' && event.document.title, 'Pricing');
  if (event?.type !== 'document') return;
  assert.deepEqual(event.document.metadata, { owner: 'billing', version: 2 });
  assert.equal(event.document.text, '# Heading\n\nText.');
});

test('markdown: setext heading, else the file name', async () => {
  const [setext] = await load(markdownLoader, 'Big Title\n=========\n\ntext');
  assert.equal(setext?.type === 'document' && setext.document.title, 'Big Title');
  const [none] = await load(markdownLoader, 'no heading here', 'notes/todo.md');
  assert.equal(none?.type === 'document' && none.document.title, 'todo.md');
});

test('empty after normalisation is FILE_EMPTY; a PNG named .md is BINARY_CONTENT; invalid UTF-8 too', async () => {
  const [empty] = await load(markdownLoader, ' \n\r\n\t\n');
  assert.equal(empty?.type === 'skip' && empty.skip.code, 'FILE_EMPTY');
  const [png] = await load(markdownLoader, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  assert.equal(png?.type === 'skip' && png.skip.code, 'BINARY_CONTENT');
  assert.match(png?.type === 'skip' ? png.skip.reason : '', /docs\/guide\.md.*binary/);
  const [latin1] = await load(markdownLoader, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
  assert.equal(latin1?.type === 'skip' && latin1.skip.code, 'BINARY_CONTENT');
});

test('text: UTF-16 with BOM decodes; the title is the file name', async () => {
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Hi é'].flatMap((c) => [c.charCodeAt(0), 0])]);
  const [event] = await load(textLoader, utf16, 'notes/hello.txt');
  assert.equal(event?.type === 'document' && event.document.text, 'Hi é');
  assert.equal(event?.type === 'document' && event.document.title, 'hello.txt');
  assert.equal(event?.type === 'document' && event.document.format, 'text');
});

test('a file starting with FF FE is decoded as UTF-16 only when it is valid UTF-16 text, else BINARY_CONTENT', async () => {
  const binary = new Uint8Array([0xff, 0xfe, ...Array.from({ length: 4001 }, (_, i) => (i * 7919) % 256)]);
  const [bin] = await load(textLoader, binary, 'blob.txt');
  assert.equal(bin?.type === 'skip' && bin.skip.code, 'BINARY_CONTENT');
  const nul = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]);
  const [withNul] = await load(textLoader, nul, 'nul.txt');
  assert.equal(withNul?.type === 'skip' && withNul.skip.code, 'BINARY_CONTENT');
  const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide\n\nText in UTF-16.', 'utf16le')]));
  const [text] = await load(markdownLoader, utf16);
  assert.equal(text?.type === 'document' && text.document.text, '# Wide\n\nText in UTF-16.');
});

test('a long run of spaces in a heading line loads in linear time', { timeout: 30_000 }, async () => {
  const [event] = await load(markdownLoader, `#${' '.repeat(100_000)}x${' '.repeat(100_000)}## y\n`);
  assert.equal(event?.type, 'document');
});
