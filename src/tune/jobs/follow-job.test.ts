import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TuneBackend, TuneEvent, TuneJob, TuneJobStatus } from '../../spec/tune-backend.js';
import { followJob } from './follow-job.js';

const ev = (n: number): TuneEvent => ({ id: `e${n}`, createdAt: n * 1000, level: 'info', message: `event ${n}` });

/** A fake backend whose job walks through `statuses`, one per doGetJob; events e1..eN appear two per poll. */
function fakeBackend(statuses: TuneJobStatus[], mode: 'oldest-first' | 'embedded'): TuneBackend & { afters: Array<string | undefined> } {
  let poll = 0;
  const afters: Array<string | undefined> = [];
  const visible = (): TuneEvent[] => Array.from({ length: poll * 2 }, (_, i) => ev(i + 1));
  const job = (): TuneJob => ({ id: 'j', status: statuses[Math.min(poll, statuses.length) - 1]!, providerStatus: 'x', model: 'm', fineTunedModel: 'tuned', ...(mode === 'embedded' ? { events: visible() } : {}) });
  return {
    specificationVersion: 'v1', provider: 'fake', afters,
    capabilities: { supportsLora: false, supportsValidationFile: true, supportsEvents: mode !== 'embedded', eventsOrder: 'oldest-first', supportsCancel: true, hyperparameters: [] },
    doUpload: async () => ({ fileId: 'f' }),
    doCreateJob: async () => job(),
    doGetJob: async () => { poll++; return job(); },
    doListEvents: async ({ after }) => {
      afters.push(after);
      const all = visible();
      const start = after === undefined ? 0 : all.findIndex((e) => e.id === after) + 1;
      return { events: all.slice(start, start + 1), hasMore: start + 1 < all.length };
    },
    doCancel: async () => job(),
  };
}

describe('followJob', () => {
  it('pages an oldest-first provider from the last seen event and delivers each event once, in order', async () => {
    const backend = fakeBackend(['queued', 'running', 'succeeded'], 'oldest-first');
    const seen: string[] = [];
    const r = await followJob({ backend, jobId: 'j', onEvent: (e) => seen.push(e.id), _internal: { sleep: async () => {} } });
    assert.deepEqual(seen, ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    assert.equal(r.fineTunedModel, 'tuned');
    assert.equal(backend.afters[0], undefined);
    assert.ok(backend.afters.includes('e2'), 'second poll starts after the last delivered event');
  });

  it('reads events embedded in the job when the provider has no events endpoint (Mistral)', async () => {
    const seen: string[] = [];
    await followJob({ backend: fakeBackend(['running', 'succeeded'], 'embedded'), jobId: 'j', onEvent: (e) => seen.push(e.id), _internal: { sleep: async () => {} } });
    assert.deepEqual(seen, ['e1', 'e2', 'e3', 'e4']);
  });

  it('stops with INTERRUPTED when the signal aborts between polls', async () => {
    const controller = new AbortController();
    const backend = fakeBackend(['running', 'running', 'running', 'succeeded'], 'oldest-first');
    await assert.rejects(followJob({ backend, jobId: 'j', signal: controller.signal, _internal: { sleep: async () => controller.abort() } }), { code: 'INTERRUPTED' });
  });

  it('fails with PROVIDER_BAD_RESPONSE when a succeeded job names no model', async () => {
    const backend = fakeBackend(['succeeded'], 'oldest-first');
    const original = backend.doGetJob;
    backend.doGetJob = async (o) => ({ ...(await original(o)), fineTunedModel: undefined });
    await assert.rejects(followJob({ backend, jobId: 'j' }), { code: 'PROVIDER_BAD_RESPONSE' });
  });
});
