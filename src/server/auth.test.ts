import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';
import { revokeApiKey } from './keys/revoke-api-key.js';
import { listApiKeys } from './keys/list-api-keys.js';
import { hashApiKey } from './keys/create-api-key.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

const code = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

describe('identity', () => {
  it('rejects a request without credentials with 401 and a hint to create a key', async () => {
    const r = await t.req('/v1/search', { key: null, json: { query: 'refund' } });
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('www-authenticate'), 'Bearer');
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'UNAUTHENTICATED');
    assert.match(body.error.message, /fathom keys create/);
  });

  it('rejects an unknown key and a malformed header', async () => {
    assert.equal((await t.req('/v1/search', { key: `fk_${'A'.repeat(43)}`, json: { query: 'refund' } })).status, 401);
    assert.equal((await t.server.app.request('/v1/search', { method: 'POST', headers: { authorization: 'Basic abc' } })).status, 401);
  });

  it('stores only the hash of a key, and a revoked key stops working at once', async () => {
    const records = await listApiKeys({ store: t.store, tenant: 't1' });
    assert.ok(records.some((k) => k.hash === hashApiKey(t.keys.reader)));
    assert.ok(records.every((k) => !JSON.stringify(k).includes(t.keys.reader)), 'the secret is not stored');
    const before = await t.req('/v1/documents', { key: t.keys.writer });
    assert.equal(before.status, 200);
    const { createApiKey } = await import('./keys/create-api-key.js');
    const temp = await createApiKey({ store: t.store, tenant: 't1', principal: 'user:temp', role: 'reader' });
    assert.equal((await t.req('/v1/documents', { key: temp.key })).status, 200);
    await revokeApiKey({ store: t.store, id: temp.record.id });
    const r = await t.req('/v1/documents', { key: temp.key });
    assert.equal(r.status, 401);
    assert.equal(await code(r), 'UNAUTHENTICATED');
  });

  it('takes the tenant from the key only: a body naming another tenant is rejected, and tenants never mix', async () => {
    const r = await t.req('/v1/search', { json: { query: 'swordfish', tenant: 't2' } });
    assert.equal(r.status, 400);
    assert.match(((await r.json()) as { error: { message: string } }).error.message, /tenant/);
    const mine = (await (await t.req('/v1/search', { json: { query: 'swordfish launch code' } })).json()) as { hits: unknown[] };
    assert.equal(mine.hits.length, 0, 'tenant t1 cannot find t2 content');
    const theirs = (await (await t.req('/v1/search', { key: t.keys.other, json: { query: 'swordfish launch code' } })).json()) as { tenant: string; hits: Array<{ document: { id: string } }> };
    assert.equal(theirs.tenant, 't2');
    assert.equal(theirs.hits[0]!.document.id, 't2-only.md');
    assert.equal((await t.req('/v1/documents/refunds.md', { key: t.keys.other })).status, 404, 'another tenant sees no t1 document');
  });
});

describe('roles', () => {
  it('a reader cannot delete or ingest (403 naming the role needed)', async () => {
    const del = await t.req('/v1/documents/refunds.md', { method: 'DELETE' });
    assert.equal(del.status, 403);
    const body = (await del.json()) as { error: { code: string; details: { needed: string } } };
    assert.equal(body.error.code, 'FORBIDDEN');
    assert.equal(body.error.details.needed, 'writer');
    const form = new FormData();
    form.append('files', new Blob(['# A\n\nText.\n']), 'a.md');
    assert.equal((await t.req('/v1/ingest', { method: 'POST', body: form })).status, 403);
    assert.equal((await t.req('/v1/documents/refunds.md')).status, 200, 'the document is still there');
  });

  it('a writer cannot ingest server-side paths (admin only)', async () => {
    const r = await t.req('/v1/ingest/paths', { key: t.keys.writer, json: { paths: ['/etc'] } });
    assert.equal(r.status, 403);
  });
});
