import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TuneJobRecord } from '../spec/tune-job.js';
import { startFineTuningServer, type FineTuningServer } from '../testing/index.js';
import { createOpenAICompatibleTuneBackend } from '../providers/openai-compatible/index.js';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';

let provider: FineTuningServer;
let t: TestServer;
before(async () => {
  provider = await startFineTuningServer();
  const backend = createOpenAICompatibleTuneBackend({ provider: 'openai', baseURL: provider.baseURL, apiKey: 'test-key', maxRetries: 0 });
  t = await startTestServer({ tuneBackends: { hosted: { backend, baseURL: provider.baseURL } } });
});
after(async () => {
  await t.close();
  await provider.close();
});

const json = async <T = Record<string, unknown>>(r: Response): Promise<T> => (await r.json()) as T;
const records = [{ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] }];

describe('fine-tuning jobs through the API', () => {
  it('an admin starts a job (data uploaded to the provider), anyone in the tenant follows its status and events, it ends with the model', async () => {
    const r = await t.req('/v1/tune/jobs', { key: t.keys.admin, json: { backend: 'hosted', baseModel: 'gpt-4.1-mini', train: records, hyperparameters: { nEpochs: 2 }, suffix: 'tone' } });
    assert.equal(r.status, 201, JSON.stringify(await r.clone().json()));
    const job = await json<TuneJobRecord>(r);
    assert.equal(job.status, 'validating_files');
    const upload = [...provider.files.values()].at(-1)!;
    assert.equal(upload.text, `${JSON.stringify(records[0])}\n`);

    let status = job;
    for (let i = 0; i < 10 && status.status !== 'succeeded'; i++) status = await json<TuneJobRecord>(await t.req(`/v1/tune/jobs/${job.id}`));
    assert.equal(status.status, 'succeeded');
    assert.match(status.fineTunedModel ?? '', /tone/);
    assert.ok(status.events.length > 0 && status.events.some((e) => /completed/.test(e.message)), JSON.stringify(status.events));
    const listed = await json<{ jobs: Array<{ id: string }> }>(await t.req('/v1/tune/jobs'));
    assert.ok(listed.jobs.some((j) => j.id === job.id));
    assert.equal((await t.req(`/v1/tune/jobs/${job.id}`, { key: t.keys.other })).status, 404, 'tenant-scoped');
    const late = await t.req(`/v1/tune/jobs/${job.id}/cancel`, { key: t.keys.admin, method: 'POST' });
    assert.equal(late.status, 400, 'a finished job cannot be cancelled');
  });

  it('cancels a running job at the provider', async () => {
    const job = await json<TuneJobRecord>(await t.req('/v1/tune/jobs', { key: t.keys.admin, json: { backend: 'hosted', baseModel: 'gpt-4.1-mini', train: records.map((x) => JSON.stringify(x)).join('\n') } }));
    const r = await t.req(`/v1/tune/jobs/${job.id}/cancel`, { key: t.keys.admin, method: 'POST' });
    assert.equal(r.status, 200);
    assert.equal((await json<TuneJobRecord>(r)).status, 'cancelled');
    assert.ok(provider.requests.some((q) => q.method === 'POST' && q.path.endsWith(`/${job.providerJobId}/cancel`)));
    assert.equal((await json<TuneJobRecord>(await t.req(`/v1/tune/jobs/${job.id}`))).status, 'cancelled');
  });

  it('refuses non-admins, unknown backends and bad bodies', async () => {
    const code = async (r: Response) => [r.status, (await json<{ error: { code: string } }>(r)).error.code];
    assert.deepEqual(await code(await t.req('/v1/tune/jobs', { key: t.keys.writer, json: { backend: 'hosted', baseModel: 'm', train: records } })), [403, 'FORBIDDEN']);
    assert.deepEqual(await code(await t.req('/v1/tune/jobs', { key: t.keys.admin, json: { backend: 'nope', baseModel: 'm', train: records } })), [400, 'INVALID_CONFIG']);
    assert.deepEqual(await code(await t.req('/v1/tune/jobs', { key: t.keys.admin, json: { backend: 'hosted', baseModel: 'm', train: [] } })), [400, 'INVALID_ARGUMENT']);
    assert.deepEqual(await code(await t.req('/v1/tune/jobs/tj_none')), [404, 'NOT_FOUND']);
  });
});
