import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent, LoaderOptions } from '../../spec/loader.js';
import { jsonlLoader } from './jsonl-loader.js';

async function load(content: string | Uint8Array, options: LoaderOptions = {}, chunkSize?: number): Promise<LoadEvent[]> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const stream = chunkSize
    ? async function* () {
        for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
      }
    : undefined;
  const events: LoadEvent[] = [];
  const input = { path: '/tmp/data/records.jsonl', relativePath: 'data/records.jsonl', bytes: stream ? new Uint8Array(0) : bytes, options, ...(stream ? { stream } : {}) };
  for await (const e of jsonlLoader.load(input)) events.push(e);
  return events;
}

const docs = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'document' ? [e.document] : []));
const skips = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'skip' ? [e.skip] : []));

test('one document per record; a bad line in the middle is reported with its number and the rest load', async () => {
  const lines = [
    JSON.stringify({ id: 'a', title: 'Alpha', text: 'First record.', team: 'billing', nested: { x: 1 } }),
    '{"id": "b", "text": broken',
    '',
    JSON.stringify({ text: 'No id here.', lang: 'en' }),
  ];
  // Read through a stream in 7-byte chunks, so lines and UTF-8 sequences straddle chunk boundaries.
  const events = await load(lines.join('\r\n') + '\n', {}, 7);
  assert.deepEqual(docs(events).map((d) => [d.id, d.source, d.title, d.text, d.format]), [
    ['a', 'data/records.jsonl#a', 'Alpha', 'First record.', 'jsonl'],
    ['data/records.jsonl#4', 'data/records.jsonl#4', 'data/records.jsonl#4', 'No id here.', 'jsonl'],
  ]);
  assert.deepEqual(docs(events)[0]?.metadata, { team: 'billing' });
  assert.deepEqual(skips(events).map((s) => [s.path, s.code]), [['data/records.jsonl#2', 'INVALID_RECORD']]);
  assert.match(skips(events)[0]!.reason, /Line 2 is not valid JSON/);
});

test('options choose text, title, id and metadata fields; several text fields are joined by a blank line', async () => {
  const content = JSON.stringify({ key: 7, heading: 'H', q: 'Question?', a: 'Answer.', keep: 'yes', drop: 'no' });
  const [doc] = docs(await load(content, { textFields: ['q', 'a'], titleField: 'heading', idField: 'key', metadataFields: ['keep'] }));
  assert.deepEqual([doc?.id, doc?.title, doc?.text, doc?.metadata], ['7', 'H', 'Question?\n\nAnswer.', { keep: 'yes' }]);
});

test('a BEIR corpus is detected by shape: format beir, id = _id, metadata flattened', async () => {
  const content = [
    { _id: 'd1', title: 'Vitamin D', text: 'Vitamin D helps absorb calcium.', metadata: { year: 2020 } },
    { _id: 'd2', title: 'Only a title', text: '' },
  ].map((r) => JSON.stringify(r)).join('\n');
  const out = docs(await load(content));
  assert.deepEqual(out.map((d) => [d.id, d.format, d.title, d.text]), [
    ['d1', 'beir', 'Vitamin D', 'Vitamin D helps absorb calcium.'],
    ['d2', 'beir', 'Only a title', 'Only a title'],
  ]);
  assert.deepEqual(out[0]?.metadata, { year: 2020 });
});

test('duplicate ids and records without text are skips naming the line', async () => {
  const content = ['{"id":"x","text":"one"}', '{"id":"x","text":"two"}', '{"id":"y","text":"  "}'].join('\n');
  const events = await load(content);
  assert.equal(docs(events).length, 1);
  assert.deepEqual(skips(events).map((s) => s.path), ['data/records.jsonl#2', 'data/records.jsonl#3']);
  assert.match(skips(events)[0]!.reason, /repeats id 'x' first used at line 1/);
});

test('whole-file problems are one skip: missing text field, not JSONL at all, binary, empty', async () => {
  const [noText] = skips(await load('{"body":"x"}\n{"body":"y"}'));
  assert.equal(noText?.code, 'FILE_MALFORMED');
  assert.match(noText!.reason, /textFields/);
  const array = skips(await load('[\n  {"text": "a"},\n  {"text": "b"}\n]\n'));
  assert.deepEqual(array.map((s) => s.code), ['FILE_MALFORMED']);
  assert.match(array[0]!.reason, /JSON array/);
  const notJsonl = skips(await load('a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n{"text": "late"}\n'));
  assert.deepEqual(notJsonl.map((s) => s.code), ['FILE_MALFORMED'], 'gives up after five bad lines at the start');
  assert.deepEqual(skips(await load(new Uint8Array([0x89, 0x50, 0, 0, 1]))).map((s) => s.code), ['BINARY_CONTENT']);
  assert.deepEqual(skips(await load('\n\n')).map((s) => s.code), ['FILE_EMPTY']);
});

// C4: a 20 MB single line took 19 s (200 MB over 300 s at ~900 MB RSS): `(rest + text).split('\n')` per chunk.
test('a line longer than recordChars is a LIMIT_EXCEEDED skip read in linear time, and the next lines load', { timeout: 60_000 }, async () => {
  const giant = `{"id":"big","text":"${'lorem ipsum '.repeat(1_800_000)}"}`;
  const events = await load(`${giant}\n{"id":"after","text":"next line"}\n`, {}, 64 * 1024);
  assert.deepEqual(docs(events).map((d) => d.id), ['after']);
  const [skip] = skips(events);
  assert.equal(skip?.path, 'data/records.jsonl#1');
  assert.deepEqual(skip?.limit, { name: 'ingest.limits.recordChars', value: giant.length, max: 16 * 1024 * 1024 });
});

test('invalid UTF-8 on line 2 names line 2, and the record on line 1 was really loaded', async () => {
  const enc = new TextEncoder();
  const bytes = new Uint8Array([...enc.encode('{"id":"a","text":"one"}\n{"id":"b","text":"'), 0xff, ...enc.encode('"}\n{"id":"c","text":"three"}\n')]);
  const events = await load(bytes);
  assert.deepEqual(docs(events).map((d) => d.id), ['a']);
  assert.match(skips(events)[0]!.reason, /not valid UTF-8 at line 2: .*the records before line 2 were loaded/);
  const first = await load(new Uint8Array([...enc.encode('{"id":"a","text":"'), 0xc3, 0x28, ...enc.encode('"}\n')]));
  assert.match(skips(first)[0]!.reason, /at line 1: .*nothing was loaded/);
});
