import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FathomError } from '../errors.js';
import { postJson } from './post-json.js';

type Fetch = typeof globalThis.fetch;
const respond = (status: number, body: string, headers: Record<string, string> = {}): Fetch => async () => new Response(body, { status, headers });
const codeOf = async (p: Promise<unknown>): Promise<FathomError> => {
  try {
    await p;
  } catch (error) {
    assert.ok(FathomError.isInstance(error));
    return error;
  }
  assert.fail('expected a rejection');
};
const call = (fetch: Fetch, extra: Partial<Parameters<typeof postJson>[0]> = {}) => postJson({ url: 'http://h/x', body: { a: 1 }, provider: 'p', fetch, ...extra });

describe('postJson', () => {
  it('sends JSON with the given headers and parses the answer', async () => {
    let seen: RequestInit | undefined;
    const fetch: Fetch = async (_url, init) => { seen = init; return new Response('{"ok":true}'); };
    assert.deepEqual(await call(fetch, { headers: { authorization: 'Bearer k' } }), { ok: true });
    assert.equal(seen?.method, 'POST');
    assert.equal(seen?.body, '{"a":1}');
    assert.equal((seen?.headers as Record<string, string>).authorization, 'Bearer k');
    assert.equal((seen?.headers as Record<string, string>)['content-type'], 'application/json');
  });

  it('maps statuses to codes and retryability', async () => {
    assert.equal((await codeOf(call(respond(403, '{}')))).code, 'PROVIDER_AUTH_FAILED');
    const limited = await codeOf(call(respond(429, '{"error":{"message":"slow down"}}', { 'retry-after': '1.5' })));
    assert.deepEqual([limited.code, limited.isRetryable, limited.details.retryAfterMs], ['PROVIDER_RATE_LIMITED', true, 1500]);
    assert.match(limited.message, /slow down/);
    const failed = await codeOf(call(respond(502, 'bad gateway')));
    assert.deepEqual([failed.code, failed.isRetryable, failed.details.status], ['PROVIDER_REQUEST_FAILED', true, 502]);
    const invalid = await codeOf(call(respond(422, '{"detail":"texts missing"}')));
    assert.deepEqual([invalid.code, invalid.isRetryable], ['PROVIDER_REQUEST_FAILED', false]);
    assert.match(invalid.message, /texts missing/);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const date = new Date(Date.now() + 60_000).toUTCString();
    const error = await codeOf(call(respond(429, '', { 'retry-after': date })));
    assert.ok(Number(error.details.retryAfterMs) > 50_000 && Number(error.details.retryAfterMs) <= 60_000);
  });

  it('reports a non-JSON success body as PROVIDER_BAD_RESPONSE', async () => {
    assert.equal((await codeOf(call(respond(200, '<html>')))).code, 'PROVIDER_BAD_RESPONSE');
  });

  it('distinguishes a caller abort (INTERRUPTED) from the deadline (PROVIDER_TIMEOUT)', async () => {
    // AbortSignal.timeout's timer does not hold the event loop open; a real socket would, so this fake does.
    const hang: Fetch = (_url, init) => new Promise((_, reject) => {
      const keepAlive = setInterval(() => {}, 1000);
      init?.signal?.addEventListener('abort', () => { clearInterval(keepAlive); reject(init.signal?.reason); });
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    assert.equal((await codeOf(call(hang, { abortSignal: controller.signal, timeoutMs: 10_000 }))).code, 'INTERRUPTED');
    assert.equal((await codeOf(call(hang, { timeoutMs: 20 }))).code, 'PROVIDER_TIMEOUT');
  });

  it('reports network failures as retryable PROVIDER_REQUEST_FAILED', async () => {
    const down: Fetch = async () => { throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }); };
    const error = await codeOf(call(down));
    assert.deepEqual([error.code, error.isRetryable], ['PROVIDER_REQUEST_FAILED', true]);
    assert.match(error.message, /ECONNREFUSED/);
  });
});
