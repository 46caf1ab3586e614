import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

describe('API keys through the API (admin only)', () => {
  it('lists the tenant’s keys without hashes, creates one that authenticates, and revokes it', async () => {
    const list = (await (await t.req('/v1/keys', { key: t.keys.admin })).json()) as { keys: Array<Record<string, unknown>> };
    assert.deepEqual(list.keys.map((k) => k.principal).sort(), ['user:ada', 'user:alice', 'user:wendy'], 'only tenant t1');
    assert.ok(list.keys.every((k) => !('hash' in k)));
    const r = await t.req('/v1/keys', { key: t.keys.admin, json: { principal: 'user:carl', role: 'reader', name: 'ci' } });
    assert.equal(r.status, 201);
    const { key, record } = (await r.json()) as { key: string; record: { id: string; role: string; name: string } };
    assert.equal(record.name, 'ci');
    assert.equal((await t.req('/v1/documents', { key })).status, 200);
    const revoked = await t.req(`/v1/keys/${record.id}/revoke`, { key: t.keys.admin, method: 'POST' });
    assert.equal(revoked.status, 200);
    assert.equal(typeof ((await revoked.json()) as { record: { revokedAt: number } }).record.revokedAt, 'number');
    assert.equal((await t.req('/v1/documents', { key })).status, 401);
  });

  it('refuses readers and writers (403), a bad body (400), and another tenant’s key id (404)', async () => {
    for (const key of [t.keys.reader, t.keys.writer]) {
      assert.equal((await t.req('/v1/keys', { key })).status, 403);
      assert.equal((await t.req('/v1/keys', { key, json: { principal: 'user:x', role: 'admin' } })).status, 403);
      assert.equal((await t.req(`/v1/keys/${t.keys.readerId}/revoke`, { key, method: 'POST' })).status, 403);
    }
    assert.equal((await t.req('/v1/keys', { key: t.keys.admin, json: { principal: 'user:x', role: 'root' } })).status, 400);
    assert.equal((await t.req(`/v1/keys/${t.keys.readerId}/revoke`, { key: t.keys.other, method: 'POST' })).status, 404);
    assert.equal((await t.req('/v1/documents', { key: t.keys.reader })).status, 200, 'the reader key still works');
  });
});
