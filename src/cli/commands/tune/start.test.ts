import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFineTuningServer, type FineTuningServer } from '../../../testing/index.js';
import { runCliCaptured } from '../../__fixtures__/run-cli.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;

describe('fathom tune start | status | cancel | export | register', () => {
  let dir: string;
  let server: FineTuningServer;
  const tune = (...args: string[]) => runCliCaptured({ cwd: dir, args: ['tune', ...args], env: { FT_KEY: 'test-key' } });
  before(async () => {
    server = await startFineTuningServer();
    dir = mkdtempSync(join(tmpdir(), 'fathom-tune-jobs-cli-'));
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ tune: { backends: { local: { baseURL: server.baseURL, apiKeyEnv: 'FT_KEY', provider: 'openai' } } } }));
    writeFileSync(join(dir, 'train.jsonl'), '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n');
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('start --follow uploads, creates, streams events and records the resulting model; status lists it', async () => {
    const r = await tune('start', '--backend', 'local', '--base-model', 'gpt-4.1-mini', '--train', 'train.jsonl', '--epochs', '2', '--follow', '--poll-ms', '0');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Fine-tuning job started/);
    assert.match(r.out, /succeeded\s+local\s+ftjob-2\s+gpt-4.1-mini → ft:gpt-4.1-mini:fathom:ftjob-2/);
    assert.deepEqual((server.requests.find((q) => q.path === '/v1/fine_tuning/jobs')!.body as Json).hyperparameters, { n_epochs: 2 });
    const s = await tune('status', '--json');
    assert.equal(s.code, 0, s.err);
    assert.equal(s.json()[0].fineTunedModel, 'ft:gpt-4.1-mini:fathom:ftjob-2');
    assert.equal(s.json()[0].events.length, 8);
    assert.equal((await tune('status', '--json', '--tenant', 'other')).json().length, 0, 'jobs are tenant-scoped');
  });

  it('status refreshes a running job from the backend; cancel cancels it; unknown ids and backends are user errors', async () => {
    const started = (await tune('start', '--backend', 'local', '--base-model', 'm', '--train', 'train.jsonl', '--json')).json();
    assert.equal(started.status, 'validating_files');
    const refreshed = (await tune('status', started.id, '--json')).json();
    assert.equal(refreshed.status, 'queued');
    const cancelled = await tune('cancel', started.providerJobId);
    assert.equal(cancelled.code, 0, cancelled.err);
    assert.match(cancelled.out, /cancelled/);
    assert.equal((await tune('status', started.id, '--json')).json().status, 'cancelled');
    const missing = await tune('cancel', 'tj_nope');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /NOT_FOUND/);
    const unknown = await tune('start', '--backend', 'nowhere', '--base-model', 'm', '--train', 'train.jsonl');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /tune.*backends/);
  });

  it('export writes a trainer bundle recorded as a job; register attaches the model to it', async () => {
    const e = await tune('export', '--trainer', 'axolotl', '--base-model', 'Qwen/Qwen2.5-0.5B-Instruct', '--train', 'train.jsonl', '--out-dir', 'bundle', '--json');
    assert.equal(e.code, 0, e.err);
    assert.ok(existsSync(join(dir, 'bundle', 'config.yml')) && existsSync(join(dir, 'bundle', 'run.sh')));
    const job = e.json().job;
    assert.deepEqual([job.kind, job.status, job.artifacts[0].kind, job.artifacts[0].path], ['trainer-bundle', 'exported', 'trainer-bundle', join(dir, 'bundle')]);
    const reg = await tune('register', '--name', 'qwen-tuned', '--kind', 'openai-compatible', '--base-url', 'http://gpu:8000/v1', '--model-id', 'qwen-lora', '--job', job.id, '--json');
    assert.equal(reg.code, 0, reg.err);
    assert.equal(reg.json().modelId, 'qwen-lora');
    const shown = (await tune('status', job.id, '--json')).json();
    assert.deepEqual(shown.artifacts.map((x: Json) => [x.kind, x.name ?? null]), [['trainer-bundle', null], ['registered-model', 'qwen-tuned']]);
    assert.ok(existsSync(join(dir, '.fathom', 'models.json')));
  });
});
