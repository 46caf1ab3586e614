import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FathomError } from '../errors.js';
import { withRetry } from './retry.js';

function recorder(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

const failing = (code: 'PROVIDER_REQUEST_FAILED' | 'PROVIDER_AUTH_FAILED', details = {}) =>
  new FathomError({ code, message: 'boom', details });

describe('withRetry', () => {
  it('returns the first success without sleeping', async () => {
    const r = recorder();
    const value = await withRetry({ fn: async () => 42, _internal: { sleep: r.sleep } });
    assert.equal(value, 42);
    assert.deepEqual(r.delays, []);
  });

  it('retries retryable FathomErrors with growing delays, then succeeds', async () => {
    const r = recorder();
    const attempts: number[] = [];
    const value = await withRetry({
      fn: async (attempt) => {
        attempts.push(attempt);
        if (attempt < 2) throw failing('PROVIDER_REQUEST_FAILED');
        return 'ok';
      },
      maxRetries: 3,
      baseDelayMs: 100,
      _internal: { sleep: r.sleep, random: () => 1 },
    });
    assert.equal(value, 'ok');
    assert.deepEqual(attempts, [0, 1, 2]);
    assert.deepEqual(r.delays, [100, 200]);
  });

  it('applies jitter between 50% and 100% of the backoff', async () => {
    const r = recorder();
    await assert.rejects(
      withRetry({ fn: async () => { throw failing('PROVIDER_REQUEST_FAILED'); }, maxRetries: 1, baseDelayMs: 100, _internal: { sleep: r.sleep, random: () => 0 } }),
    );
    assert.deepEqual(r.delays, [50]);
  });

  it('does not retry non-retryable errors', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry({ fn: async () => { calls++; throw failing('PROVIDER_AUTH_FAILED'); }, maxRetries: 3, _internal: { sleep: async () => {} } }),
      (e: unknown) => FathomError.isInstance(e) && e.code === 'PROVIDER_AUTH_FAILED',
    );
    assert.equal(calls, 1);
  });

  it('does not retry plain errors by default, but honours a custom isRetryable', async () => {
    let calls = 0;
    await assert.rejects(withRetry({ fn: async () => { calls++; throw new Error('x'); }, _internal: { sleep: async () => {} } }));
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(withRetry({ fn: async () => { calls++; throw new Error('x'); }, maxRetries: 2, isRetryable: () => true, _internal: { sleep: async () => {} } }));
    assert.equal(calls, 3);
  });

  it('waits at least Retry-After, capped by maxDelayMs', async () => {
    const r = recorder();
    await assert.rejects(
      withRetry({
        fn: async () => { throw failing('PROVIDER_REQUEST_FAILED', { retryAfterMs: 3000 }); },
        maxRetries: 2,
        baseDelayMs: 10,
        maxDelayMs: 5000,
        _internal: { sleep: r.sleep, random: () => 1 },
      }),
    );
    assert.deepEqual(r.delays, [3000, 3000]);
    const capped = recorder();
    await assert.rejects(
      withRetry({ fn: async () => { throw failing('PROVIDER_REQUEST_FAILED', { retryAfterMs: 90_000 }); }, maxRetries: 1, maxDelayMs: 1000, _internal: { sleep: capped.sleep } }),
    );
    assert.deepEqual(capped.delays, [1000]);
  });

  it('gives up with the last error after maxRetries', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry({ fn: async () => { calls++; throw failing('PROVIDER_REQUEST_FAILED'); }, maxRetries: 2, _internal: { sleep: async () => {} } }),
      /boom/,
    );
    assert.equal(calls, 3);
  });

  it('stops with INTERRUPTED when the signal aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    await assert.rejects(
      withRetry({
        fn: async () => { calls++; throw failing('PROVIDER_REQUEST_FAILED'); },
        maxRetries: 5,
        signal: controller.signal,
        _internal: { sleep: async () => controller.abort() },
      }),
      (e: unknown) => FathomError.isInstance(e) && e.code === 'INTERRUPTED',
    );
    assert.equal(calls, 1);
  });

  it('really sleeps with the default sleep (tiny delay) and wakes early on abort', async () => {
    let calls = 0;
    const value = await withRetry({ fn: async () => { if (calls++ === 0) throw failing('PROVIDER_REQUEST_FAILED'); return 'ok'; }, baseDelayMs: 1 });
    assert.equal(value, 'ok');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(
      withRetry({ fn: async () => { throw failing('PROVIDER_REQUEST_FAILED'); }, maxRetries: 1, baseDelayMs: 60_000, signal: controller.signal }),
      (e: unknown) => FathomError.isInstance(e) && e.code === 'INTERRUPTED',
    );
  });
});
