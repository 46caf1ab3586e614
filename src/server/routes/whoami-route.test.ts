import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

describe('GET /v1/whoami', () => {
  let t: TestServer;
  before(async () => void (t = await startTestServer()));
  after(() => t.close());

  it('answers each key with its own tenant, principal, groups and role, in the shape /openapi.json declares', async () => {
    const doc = (await (await t.req('/openapi.json', { key: null })).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>>; components: { schemas: Record<string, object> } };
    const ref = doc.paths['/v1/whoami']!.get!.responses['200']!.content['application/json']!.schema.$ref;
    const validate = new Ajv2020({ strict: false }).compile(doc.components.schemas[ref.split('/').at(-1)!]!);
    const expected = { reader: ['t1', 'user:alice', 'reader'], writer: ['t1', 'user:wendy', 'writer'], admin: ['t1', 'user:ada', 'admin'], other: ['t2', 'user:bob', 'admin'] } as const;
    for (const [name, [tenant, principal, role]] of Object.entries(expected)) {
      const r = await t.req('/v1/whoami', { key: t.keys[name as keyof typeof expected] });
      assert.equal(r.status, 200, name);
      const body = await r.json();
      assert.deepEqual(body, { tenant, principal, groups: ['g1'], role, via: 'api-key' }, name);
      assert.ok(validate(body), JSON.stringify(validate.errors));
    }
  });

  it('refuses a request without a key or with a bad key (401), naming nobody', async () => {
    for (const key of [null, 'fk_not-a-key']) {
      const r = await t.req('/v1/whoami', { key });
      assert.equal(r.status, 401);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'UNAUTHENTICATED');
      assert.doesNotMatch(JSON.stringify(body), /"(tenant|principal|groups|role)"|user:(wendy|ada|bob)/);
    }
  });
});
