import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadEvent, LoaderOptions } from '../../spec/loader.js';
import { csvLoader } from './csv-loader.js';

async function load(content: string, options: LoaderOptions = {}, relativePath = 'data/faq.csv'): Promise<LoadEvent[]> {
  const bytes = new TextEncoder().encode(content);
  const events: LoadEvent[] = [];
  const stream = async function* () {
    for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
  };
  for await (const e of csvLoader.load({ path: `/tmp/${relativePath}`, relativePath, bytes: new Uint8Array(0), stream, options })) events.push(e);
  return events;
}

const docs = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'document' ? [e.document] : []));
const skips = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'skip' ? [e.skip] : []));

test('one document per row; a row with the wrong column count is reported with its line and the rest load', async () => {
  const csv = 'id,title,text,team\n1,Refunds,"Refunds take 30 days, usually.",billing\n2,Broken,too,many,columns,here\n3,SSO,"SAML on ""Business""\nand Enterprise",identity\n';
  const events = await load(csv);
  assert.deepEqual(docs(events).map((d) => [d.id, d.source, d.title, d.text, d.format, d.metadata]), [
    ['1', 'data/faq.csv#1', 'Refunds', 'Refunds take 30 days, usually.', 'csv', { team: 'billing' }],
    ['3', 'data/faq.csv#3', 'SSO', 'SAML on "Business"\nand Enterprise', 'csv', { team: 'identity' }],
  ]);
  assert.deepEqual(skips(events).map((s) => [s.path, s.code]), [['data/faq.csv#3', 'INVALID_RECORD']]);
  assert.match(skips(events)[0]!.reason, /line 3/);
});

test('custom text columns; without an id column the id is path#line; TSV by extension', async () => {
  const events = await load('q\ta\nWhat?\tThat.\n', { textFields: ['q', 'a'] }, 'data/qa.tsv');
  assert.deepEqual(docs(events).map((d) => [d.id, d.text]), [['data/qa.tsv#2', 'What?\n\nThat.']]);
});

test('a missing text column is one FILE_MALFORMED skip; a header-only file is FILE_EMPTY', async () => {
  assert.deepEqual(skips(await load('a,b\n1,2\n3,4\n')).map((s) => s.code), ['FILE_MALFORMED']);
  assert.deepEqual(skips(await load('id,text\n')).map((s) => s.code), ['FILE_EMPTY']);
});

// C5: one 200 MB CSV record became one document of 75,972 chunks at 4.6 GB.
test('a row longer than recordChars stops the file with LIMIT_EXCEEDED; the rows before it load', async () => {
  const bytes = new TextEncoder().encode(`id,text\nfirst,the row before\nbig,"${'x'.repeat(5000)}"\nlast,never read\n`);
  const events: LoadEvent[] = [];
  for await (const e of csvLoader.load({ path: '/tmp/big.csv', relativePath: 'big.csv', bytes, options: {}, limits: { recordChars: 1000 } })) events.push(e);
  assert.deepEqual(docs(events).map((d) => d.id), ['first']);
  const [skip] = skips(events);
  assert.equal(skip?.code, 'LIMIT_EXCEEDED');
  assert.equal(skip?.limit?.name, 'ingest.limits.recordChars');
  assert.match(skip!.reason, /row at line 3/);
});
