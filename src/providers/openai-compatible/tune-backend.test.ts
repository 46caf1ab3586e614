import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FathomError } from '../../util/errors.js';
import { startFineTuningServer, type FineTuningServerScript } from '../../testing/fine-tuning-server.js';
import { createOpenAICompatibleTuneBackend } from './tune-backend.js';
import { followJob } from '../../tune/jobs/follow-job.js';
import type { TuneEvent } from '../../spec/tune-backend.js';

const noSleep = { sleep: async () => {} };
const jsonl = '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n';

async function withServer(script: FineTuningServerScript, fn: (s: Awaited<ReturnType<typeof startFineTuningServer>>) => Promise<void>): Promise<void> {
  const server = await startFineTuningServer({ script });
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

const backendFor = (baseURL: string, apiKey = 'test-key') => createOpenAICompatibleTuneBackend({ provider: 'openai', baseURL, apiKey, timeoutMs: 5000, maxRetries: 2, retryBaseDelayMs: 1 });

describe('hosted backend: upload, create, follow to success', () => {
  it('uploads multipart JSONL, creates a job with hyperparameters and follows it to the resulting model, events in order', async () => {
    await withServer({ eventsPageSize: 2 }, async (server) => {
      const backend = backendFor(server.baseURL);
      const upload = await backend.doUpload({ data: jsonl, fileName: 'train.jsonl' });
      assert.equal(server.files.get(upload.fileId)?.text, jsonl);
      assert.equal(server.files.get(upload.fileId)?.filename, 'train.jsonl');
      const created = await backend.doCreateJob({ model: 'gpt-4.1-mini', trainingFileId: upload.fileId, suffix: 'tone', hyperparameters: { nEpochs: 3, learningRateMultiplier: 0.5, batchSize: 4, lora: { rank: 8 } } });
      assert.equal(created.status, 'validating_files');
      assert.deepEqual(created.warnings?.map((w) => w.setting), ['hyperparameters.lora']);
      const createBody = server.requests.find((r) => r.method === 'POST' && r.path === '/v1/fine_tuning/jobs')!.body;
      assert.deepEqual(createBody, { model: 'gpt-4.1-mini', training_file: upload.fileId, suffix: 'tone', hyperparameters: { n_epochs: 3, learning_rate_multiplier: 0.5, batch_size: 4 } });

      const events: TuneEvent[] = [];
      const statuses: string[] = [];
      const result = await followJob({ backend, jobId: created.id, pollMs: 1, onEvent: (e) => events.push(e), onStatus: (j) => statuses.push(j.status), _internal: noSleep });
      assert.equal(result.fineTunedModel, `ft:gpt-4.1-mini:fathom:tone:${created.id}`);
      assert.deepEqual(statuses, ['queued', 'running', 'succeeded']);
      assert.equal(events[0]!.message, `Validating training file: ${upload.fileId}`);
      assert.equal(events.at(-1)!.message, 'The job has successfully completed');
      assert.equal(events.length, 8);
      assert.equal(new Set(events.map((e) => e.id)).size, events.length, 'each event delivered once');
      assert.deepEqual(events.map((e) => e.createdAt), [...events.map((e) => e.createdAt)].sort((a, b) => a - b));
      assert.deepEqual(events.filter((e) => e.type === 'metrics').map((e) => (e.data as { step: number }).step), [1, 2, 3]);
      assert.ok(server.requests.some((r) => r.path.endsWith('/events') && r.query.after), 'paged with after');
    });
  });
});

describe('hosted backend: failure, cancel and errors', () => {
  it('throws TUNE_JOB_FAILED carrying the provider message when the job fails', async () => {
    await withServer({ fail: { message: 'Training file has 3 examples; at least 10 are required.', code: 'invalid_training_file' } }, async (server) => {
      const backend = backendFor(server.baseURL);
      const { fileId } = await backend.doUpload({ data: jsonl, fileName: 't.jsonl' });
      const job = await backend.doCreateJob({ model: 'm', trainingFileId: fileId });
      const events: TuneEvent[] = [];
      await assert.rejects(followJob({ backend, jobId: job.id, onEvent: (e) => events.push(e), _internal: noSleep }), (error: unknown) => {
        assert.ok(FathomError.isInstance(error));
        assert.equal(error.code, 'TUNE_JOB_FAILED');
        assert.match(error.message, /at least 10 are required/);
        assert.equal(error.details.providerCode, 'invalid_training_file');
        return true;
      });
      assert.equal(events.at(-1)!.level, 'error');
    });
  });

  it('cancels a running job; following it then reports TUNE_JOB_CANCELLED', async () => {
    await withServer({}, async (server) => {
      const backend = backendFor(server.baseURL);
      const { fileId } = await backend.doUpload({ data: jsonl, fileName: 't.jsonl' });
      const job = await backend.doCreateJob({ model: 'm', trainingFileId: fileId });
      assert.equal((await backend.doGetJob({ jobId: job.id })).status, 'queued');
      const cancelled = await backend.doCancel({ jobId: job.id });
      assert.equal(cancelled.status, 'cancelled');
      assert.ok(server.requests.some((r) => r.method === 'POST' && r.path === `/v1/fine_tuning/jobs/${job.id}/cancel`));
      await assert.rejects(followJob({ backend, jobId: job.id, _internal: noSleep }), { code: 'TUNE_JOB_CANCELLED' });
      await assert.rejects(backend.doCancel({ jobId: job.id }), (e: unknown) => FathomError.isInstance(e) && e.code === 'PROVIDER_REQUEST_FAILED' && !e.isRetryable);
    });
  });

  it('maps 401 to PROVIDER_AUTH_FAILED without retrying', async () => {
    await withServer({}, async (server) => {
      await assert.rejects(backendFor(server.baseURL, 'wrong').doUpload({ data: jsonl, fileName: 't.jsonl' }), { code: 'PROVIDER_AUTH_FAILED' });
      assert.equal(server.requests.length, 1);
    });
  });

  it('retries 429 and 5xx, then succeeds', async () => {
    await withServer({ rateLimit: { times: 1, retryAfterMs: 5 }, serverErrors: { times: 1 } }, async (server) => {
      const { fileId } = await backendFor(server.baseURL).doUpload({ data: jsonl, fileName: 't.jsonl' });
      assert.ok(server.files.has(fileId));
      assert.equal(server.requests.length, 3);
    });
  });

  it('gives up with PROVIDER_RATE_LIMITED when 429 outlasts maxRetries', async () => {
    await withServer({ rateLimit: { times: 10 } }, async (server) => {
      await assert.rejects(backendFor(server.baseURL).doGetJob({ jobId: 'x' }), { code: 'PROVIDER_RATE_LIMITED' });
      assert.equal(server.requests.length, 3);
    });
  });
});

describe('provider profiles', () => {
  it('together sends flat hyperparameters and LoRA settings to /fine-tunes', async () => {
    await withServer({}, async (server) => {
      const backend = createOpenAICompatibleTuneBackend({ provider: 'together', baseURL: server.baseURL, apiKey: 'test-key' });
      assert.equal(backend.capabilities.supportsLora, true);
      const { fileId } = await backend.doUpload({ data: jsonl, fileName: 't.jsonl' });
      assert.equal(server.requests[0]!.path, '/v1/files/upload');
      const job = await backend.doCreateJob({ model: 'meta-llama/Llama-3.1-8B', trainingFileId: fileId, hyperparameters: { nEpochs: 2, learningRate: 1e-4, lora: { rank: 8, targetModules: ['q_proj', 'v_proj'] } } });
      assert.equal(job.status, 'validating_files');
      assert.deepEqual(server.requests[1]!.body, { model: 'meta-llama/Llama-3.1-8B', training_file: fileId, n_epochs: 2, learning_rate: 1e-4, lora: true, lora_r: 8, lora_alpha: 32, lora_dropout: 0.05, lora_trainable_modules: 'q_proj,v_proj' });
      assert.equal(server.requests[1]!.path, '/v1/fine-tunes');
    });
  });

  it('mistral sends training_files and epochs, and warns about batch size', async () => {
    const bodies: unknown[] = [];
    const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ id: 'j1', status: 'QUEUED', model: 'open-mistral-7b' }), { status: 200 });
    }) as typeof globalThis.fetch;
    const backend = createOpenAICompatibleTuneBackend({ provider: 'mistral', baseURL: 'http://mistral.invalid/v1', apiKey: 'k', fetch });
    const job = await backend.doCreateJob({ model: 'open-mistral-7b', trainingFileId: 'f1', validationFileId: 'f2', hyperparameters: { nEpochs: 1, learningRate: 1e-4, batchSize: 8 } });
    assert.equal(job.status, 'queued');
    assert.deepEqual(bodies[0], { model: 'open-mistral-7b', training_files: [{ file_id: 'f1', weight: 1 }], validation_files: ['f2'], auto_start: true, hyperparameters: { epochs: 1, learning_rate: 1e-4 } });
    assert.deepEqual(job.warnings?.map((w) => w.setting), ['hyperparameters.batchSize']);
  });

  it('refuses a missing apiKey with INVALID_CONFIG', () => {
    assert.throws(() => createOpenAICompatibleTuneBackend({ provider: 'openai', baseURL: 'http://x', apiKey: '' }), { code: 'INVALID_CONFIG' });
  });
});
