import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

const put = (id: string, json: unknown, key?: string) => t.req(`/v1/documents/${encodeURIComponent(id)}/acl`, { method: 'PUT', json, key: key ?? t.keys.writer });
const readable = async (id: string, key: string) => (await t.req(`/v1/documents/${encodeURIComponent(id)}`, { key })).status === 200;

describe('PUT /v1/documents/{id}/acl', () => {
  it('a writer closes a document to a reader, then opens it to the tenant again with null', async () => {
    const r = await put('pricing.md', { principals: ['user:wendy'], groups: ['finance'] });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { id: 'pricing.md', acl: { principals: ['user:wendy'], groups: ['finance'] } });
    assert.equal(await readable('pricing.md', t.keys.reader), false, 'alice (group g1) lost it');
    assert.equal(await readable('pricing.md', t.keys.writer), true);
    assert.deepEqual((await t.store.getDocument({ tenant: 't1', id: 'pricing.md' }))?.acl, { principals: ['user:wendy'], groups: ['finance'] });

    assert.equal((await put('pricing.md', { principals: [], groups: ['g1'] })).status, 200);
    assert.equal(await readable('pricing.md', t.keys.reader), true, 'alice gained it through her group');
    assert.equal((await put('pricing.md', null)).status, 200);
    assert.equal((await t.store.getDocument({ tenant: 't1', id: 'pricing.md' }))?.acl, undefined);
    assert.equal(await readable('pricing.md', t.keys.reader), true);
  });

  it('refuses a reader (403) and leaves the list unchanged', async () => {
    const r = await put('refunds.md', { principals: ['user:alice'], groups: [] }, t.keys.reader);
    assert.equal(r.status, 403);
    assert.equal((await t.store.getDocument({ tenant: 't1', id: 'refunds.md' }))?.acl, undefined);
  });

  it('a document the caller may not read, or of another tenant, is 404 and unchanged', async () => {
    await t.store.setDocumentAcl({ tenant: 't1', id: 'security.md', acl: { principals: ['user:ada'], groups: [] } });
    const r = await put('security.md', null);
    assert.equal(r.status, 404);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'DOCUMENT_NOT_FOUND');
    assert.deepEqual((await t.store.getDocument({ tenant: 't1', id: 'security.md' }))?.acl, { principals: ['user:ada'], groups: [] });
    assert.equal((await put('t2-only.md', null)).status, 404);
    assert.equal((await put('nope.md', null)).status, 404);
  });

  it('validates the body against its schema (400 naming the field)', async () => {
    for (const body of [{ principals: ['user:x'] }, { principals: 'user:x', groups: [] }, { principals: [], groups: [], extra: 1 }, [1]]) {
      const r = await put('refunds.md', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'INVALID_ARGUMENT');
    }
  });

  it('is in the OpenAPI document with its schema', async () => {
    const doc = (await (await t.req('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    assert.ok(doc.paths['/v1/documents/{id}/acl']?.put);
  });
});
