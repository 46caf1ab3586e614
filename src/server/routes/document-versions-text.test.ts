import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../ingest/index.js';
import { KB, startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
const V2 = KB['refunds.md']!.replace('thirty days', '45 days');
before(async () => {
  t = await startTestServer();
  await ingest({ store: t.store, tenant: 't1', chunker: t.chunker, documents: [{ id: 'refunds.md', source: 'refunds.md', title: 'Refunds', text: V2, format: 'markdown', metadata: {} }] });
});
after(() => t.close());

type Shown = { versions: Array<{ version: number; status: string; text?: string }> };
const show = async (query: string) => ((await (await t.req(`/v1/documents/refunds.md${query}`)).json()) as Shown).versions.sort((a, b) => a.version - b.version);

describe('GET /v1/documents/{id} version texts', () => {
  it('text=all adds every version’s text, text=true only the current one’s, none by default', async () => {
    assert.deepEqual((await show('?text=all')).map((v) => [v.status, v.text]), [['superseded', KB['refunds.md']], ['current', V2]]);
    assert.deepEqual((await show('?text=true')).map((v) => [v.status, v.text]), [['superseded', undefined], ['current', V2]]);
    assert.ok((await show('')).every((v) => v.text === undefined));
  });
});
