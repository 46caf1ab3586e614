import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../spec/store.js';
import { startFineTuningServer, type FineTuningServer, type FineTuningServerScript } from '../../testing/index.js';
import { sha256 } from '../../util/hash.js';
import { FathomError } from '../../util/errors.js';
import { createOpenAICompatibleTuneBackend } from '../../providers/openai-compatible/index.js';
import { cancelTuneJob, followTuneJob, getTuneJob, listTuneJobs, refreshTuneJob, startTuneJob } from './index.js';

const train = '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n';
const noSleep = { sleep: async () => {} };

describe('tune jobs recorded in the store', () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-tune-jobs-'));
    writeFileSync(join(dir, 'train.jsonl'), train);
    writeFileSync(join(dir, 'val.jsonl'), train);
    store = await createSqliteStore({ path: join(dir, 'store.db') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function withServer(script: FineTuningServerScript, fn: (s: FineTuningServer) => Promise<void>): Promise<void> {
    const server = await startFineTuningServer({ script });
    try {
      await fn(server);
    } finally {
      await server.close();
    }
  }
  const backendFor = (s: FineTuningServer, provider = 'openai') => createOpenAICompatibleTuneBackend({ provider, baseURL: s.baseURL, apiKey: 'test-key', maxRetries: 0 });

  it('start uploads both files, creates the job and records backend, ids, hashes and hyperparameters; follow stores events and the model', async () => {
    await withServer({}, async (server) => {
      const backend = backendFor(server);
      const job = await startTuneJob({
        store, tenant: 'acme', backend, baseURL: server.baseURL, baseModel: 'meta-llama/Llama-3-8b', trainPath: join(dir, 'train.jsonl'), validationPath: join(dir, 'val.jsonl'),
        hyperparameters: { nEpochs: 2, batchSize: 4 }, suffix: 'tone', _internal: { now: () => 1000, generateId: (p = '') => `${p}one` },
      });
      assert.equal(job.id, 'tj_one');
      assert.equal(job.providerJobId, 'ftjob-3');
      assert.equal(job.status, 'validating_files');
      assert.equal(job.data.train.sha256, sha256(train));
      assert.equal(job.data.train.fileId, 'file-1');
      assert.equal(job.data.validation?.fileId, 'file-2');
      assert.deepEqual(job.hyperparameters, { nEpochs: 2, batchSize: 4 });
      assert.deepEqual((server.requests.find((r) => r.path === '/v1/fine_tuning/jobs')!.body as Record<string, unknown>).hyperparameters, { n_epochs: 2, batch_size: 4 });
      assert.equal(job.events.length, 0);
      assert.equal(await getTuneJob({ store, tenant: 'other', id: job.id }), undefined, 'tenant-scoped');

      const seen: string[] = [];
      const done = await followTuneJob({ store, tenant: 'acme', backend, id: job.id, onEvent: (e) => seen.push(e.message), _internal: noSleep });
      assert.equal(done.status, 'succeeded');
      assert.equal(done.fineTunedModel, 'ft:meta-llama/Llama-3-8b:fathom:tone:ftjob-3');
      assert.ok(seen.includes('Fine-tuning job started') && seen.at(-1) === 'The job has successfully completed');
      const stored = await getTuneJob({ store, tenant: 'acme', id: 'ftjob-3' });
      assert.equal(stored?.id, 'tj_one', 'found by provider job id');
      assert.deepEqual(stored?.events.map((e) => e.message), seen);
      assert.equal(seen.length, 8);
    });
  });

  it('a failing job is stored as failed with the provider message, and follow throws TUNE_JOB_FAILED', async () => {
    await withServer({ fail: { message: 'Training file has 3 malformed lines' } }, async (server) => {
      const backend = backendFor(server, 'openai');
      const job = await startTuneJob({ store, tenant: 'acme', backend, baseModel: 'gpt-4.1-mini', trainPath: join(dir, 'train.jsonl') });
      await assert.rejects(followTuneJob({ store, tenant: 'acme', backend, id: job.id, _internal: noSleep }), (e: unknown) => FathomError.isInstance(e) && e.code === 'TUNE_JOB_FAILED');
      const stored = await getTuneJob({ store, tenant: 'acme', id: job.id });
      assert.equal(stored?.status, 'failed');
      assert.equal(stored?.error?.message, 'Training file has 3 malformed lines');
    });
  });

  it('refresh polls once and stores the step; cancel records the cancellation; list is newest first', async () => {
    await withServer({}, async (server) => {
      const backend = backendFor(server, 'openai');
      const job = await startTuneJob({ store, tenant: 'acme', backend, baseModel: 'gpt-4.1-mini', trainPath: join(dir, 'train.jsonl') });
      const refreshed = await refreshTuneJob({ store, tenant: 'acme', backend, id: job.id, _internal: { now: () => 6000 } });
      assert.equal(refreshed.status, 'queued');
      assert.deepEqual(refreshed.events.map((e) => e.message), ['Validating training file: file-1', 'Files validated, moving job to queued state']);
      assert.equal(refreshed.updatedAt, 6000);
      const cancelled = await cancelTuneJob({ store, tenant: 'acme', backend, id: job.id });
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await getTuneJob({ store, tenant: 'acme', id: job.id }))?.status, 'cancelled');
      await assert.rejects(cancelTuneJob({ store, tenant: 'acme', backend, id: job.id }), /already finished/);
      const list = await listTuneJobs({ store, tenant: 'acme' });
      assert.equal(list[0]!.id, job.id);
      assert.equal(list.length, 3);
      assert.deepEqual(await listTuneJobs({ store, tenant: 'nobody' }), []);
    });
  });
});
