import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { listen } from '../__fixtures__/listen.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

/** Over a real socket (@hono/node-server), where a declared Content-Length is checked without reading the body. */
describe('JSON body limit on loopback', () => {
  let t: TestServer;
  let url: URL;
  let close: () => Promise<void>;
  before(async () => {
    t = await startTestServer({ config: { bodyLimitBytes: 2048, rateLimit: false } });
    const l = await listen(t.server);
    url = new URL(l.url);
    close = l.close;
  });
  after(async () => {
    await close();
    await t.close();
  });

  const post = (body: string, chunked: boolean) => new Promise<{ status: number; code?: string }>((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${t.keys.reader}`, 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request({ host: url.hostname, port: url.port, path: '/v1/search', method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve({ status: res.statusCode!, code: (JSON.parse(text) as { error?: { code: string } }).error?.code }));
    });
    req.on('error', reject);
    if (chunked) for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
    req.end(chunked ? undefined : body);
  });

  it('answers 413 for a declared size above the limit, and for a chunked body that grows past it', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(5000) });
    assert.deepEqual(await post(big, false), { status: 413, code: 'PAYLOAD_TOO_LARGE' });
    assert.deepEqual(await post(big, true), { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('serves bodies under the limit, declared or chunked', async () => {
    const small = JSON.stringify({ query: 'enterprise refund', k: 2 });
    assert.deepEqual(await post(small, false), { status: 200, code: undefined });
    assert.deepEqual(await post(small, true), { status: 200, code: undefined });
  });
});
