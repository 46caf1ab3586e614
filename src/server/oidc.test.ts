import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';

let jwksServer: Server;
let t: TestServer;
let signer: CryptoKey;
let stranger: CryptoKey;
const ISSUER = 'https://idp.test';

before(async () => {
  const pair = await generateKeyPair('RS256');
  signer = pair.privateKey;
  stranger = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwksServer = createHttpServer((req, res) => {
    res.writeHead(req.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  const { port } = jwksServer.address() as AddressInfo;
  t = await startTestServer({ config: { oidc: { jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: ISSUER, audience: 'fathom', tenantClaim: 'org', clockToleranceSec: 60 } } });
});
after(async () => {
  await t.close();
  await new Promise((r) => jwksServer.close(r));
});

const token = (claims: Record<string, unknown>, { key = signer, exp = '5m', aud = 'fathom', iss = ISSUER }: { key?: CryptoKey; exp?: string | number; aud?: string; iss?: string } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(iss).setAudience(aud).setSubject('carol').setIssuedAt().setExpirationTime(exp).sign(key);

describe('OIDC bearer tokens', () => {
  it('maps claims to tenant, principal, groups and role', async () => {
    const jwt = await token({ org: 't1', groups: ['support', 'eu'], fathom_role: 'reader' });
    const r = await t.req('/v1/ask', { key: jwt, json: { question: 'How is customer data encrypted at rest?' } });
    assert.equal(r.status, 200);
    const { logId } = (await r.json()) as { logId: string };
    const entry = (await t.store.listQueryLog({ tenant: 't1', limit: 20 })).find((e) => e.id === logId)!;
    assert.deepEqual([(entry.metadata as { principal: string }).principal, (entry.metadata as { groups: string[] }).groups], ['user:carol', ['support', 'eu']]);
    assert.equal((await t.req('/v1/documents/pricing.md', { key: jwt, method: 'DELETE' })).status, 403, 'the role claim limits the token to reading');
  });

  it('a token for another tenant sees only that tenant', async () => {
    const jwt = await token({ org: 't2' });
    const r = (await (await t.req('/v1/documents', { key: jwt })).json()) as { documents: Array<{ id: string }> };
    assert.deepEqual(r.documents.map((d) => d.id), ['t2-only.md']);
  });

  it('rejects a wrong audience, a wrong issuer, a foreign signature and an expired token; accepts skew within tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, Promise<string>, number]> = [
      ['audience', token({ org: 't1' }, { aud: 'other' }), 401],
      ['issuer', token({ org: 't1' }, { iss: 'https://evil.test' }), 401],
      ['signature', token({ org: 't1' }, { key: stranger }), 401],
      ['expired', token({ org: 't1' }, { exp: now - 600 }), 401],
      ['within skew', token({ org: 't1' }, { exp: now - 30 }), 200],
      ['no tenant claim', token({}), 401],
    ];
    for (const [name, jwt, status] of cases) {
      const r = await t.req('/v1/documents', { key: await jwt });
      assert.equal(r.status, status, name);
      if (status === 401) assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED', name);
    }
  });

  it('API keys keep working next to OIDC', async () => {
    assert.equal((await t.req('/v1/documents')).status, 200);
  });
});
