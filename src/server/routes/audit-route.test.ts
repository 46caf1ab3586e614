import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
  const entry = (id: string, at: number, principal: string): QueryLogEntry => ({ tenant: 't1', id, at, kind: 'search', query: `q ${id}`, retrieved: [], latencyMs: {}, metadata: { principal } });
  // alice's 5 entries are older than 10,005 of wendy's: the listing used to look at the newest 10,000 only.
  for (let i = 0; i < 5; i++) await t.store.appendQueryLog(entry(`alice-${i}`, 1_000 + (i < 3 ? 0 : i), 'user:alice'));
  for (let i = 0; i < 10_005; i++) await t.store.appendQueryLog(entry(`wendy-${i}`, 5_000 + i, 'user:wendy'));
});
after(() => t.close());

type Page = { entries: Array<{ id: string; at: number }>; nextCursor: string | null };
const page = async (query: string, key?: string): Promise<Page> => {
  const r = await t.req(`/v1/audit?${query}`, { key });
  assert.equal(r.status, 200, await r.clone().text());
  return (await r.json()) as Page;
};

describe('GET /v1/audit', () => {
  it("a reader's entries behind more than 10,000 newer entries of others are listed, page by page, and nobody else's", async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let n = 0; cursor !== null && n < 10; n++) {
      const p: Page = await page(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.entries.map((e) => e.id));
      cursor = p.nextCursor;
    }
    // Three entries share one millisecond: the cursor keeps their order and shows each once.
    assert.deepEqual(seen, ['alice-4', 'alice-3', 'alice-2', 'alice-1', 'alice-0']);
  });

  it('an admin pages through everyone, newest first, without repeats', async () => {
    const first = await page('limit=3', t.keys.admin);
    assert.deepEqual(first.entries.map((e) => e.id), ['wendy-10004', 'wendy-10003', 'wendy-10002']);
    const second = await page(`limit=3&cursor=${first.nextCursor}`, t.keys.admin);
    assert.deepEqual(second.entries.map((e) => e.id), ['wendy-10001', 'wendy-10000', 'wendy-9999']);
  });

  it('refuses a cursor it did not issue', async () => {
    const r = await t.req('/v1/audit?cursor=bm9wZQ');
    assert.equal(r.status, 400);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'INVALID_ARGUMENT');
  });

  it("exports a reader's own entries only, however old", async () => {
    const r = await t.req('/v1/audit/export?until=2000');
    assert.deepEqual((await r.text()).trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['alice-0', 'alice-1', 'alice-2', 'alice-3', 'alice-4']);
  });
});
