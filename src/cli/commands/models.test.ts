import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHubServer, type HubServer } from '../../models/__fixtures__/hub-server.js';
import { createTransformersReranker } from '../../providers/transformers-js/index.js';
import { writeTinyBertModel } from '../../testing/tiny-onnx/index.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

let dir: string;
let hub: HubServer;
const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args, env: { FATHOM_CACHE: join(dir, 'cache'), FATHOM_MODEL_HUB: hub.url } });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-models-cli-'));
  await writeTinyBertModel({ dir: join(dir, 'tiny'), kind: 'cross-encoder', seed: 2 });
  const served = Object.fromEntries(files.map((f) => [f, { bytes: readFileSync(join(dir, 'tiny', f)), lfs: f.endsWith('.onnx') }]));
  hub = await startHubServer({ repos: { 'Xenova/ms-marco-MiniLM-L-6-v2': served } });
});
after(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fathom models', () => {
  it('pull <catalogue name> fetches every file from FATHOM_MODEL_HUB into FATHOM_CACHE, where transformers.js loads it offline', async () => {
    const r = await cli('models', 'pull', 'ms-marco-minilm-l6', '--progress', 'json');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Pulled: ms-marco-minilm-l6 \(.+\), checksums verified/);
    assert.match(r.out, /"rerank": \{ "provider": "transformers-js", "model": "Xenova\/ms-marco-MiniLM-L-6-v2" \}/);
    const progress = r.err.trim().split('\n').map((l) => JSON.parse(l) as { progress: { file: string } });
    assert.deepEqual([...new Set(progress.map((p) => p.progress.file))], files);
    const reranker = await createTransformersReranker({ modelId: 'Xenova/ms-marco-MiniLM-L-6-v2', cacheDir: join(dir, 'cache', 'models'), allowRemote: false });
    assert.equal((await reranker.doRerank({ query: 'refund', documents: ['refund policy', 'sun'] })).scores.length, 2);
  });

  it('list shows the pulled model with its size; list --available shows the catalogue with sizes', async () => {
    const listed = await cli('models', 'list', '--json');
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(listed.json().models.map((m: { name: string }) => m.name), ['ms-marco-minilm-l6']);
    const available = await cli('models', 'list', '--available');
    assert.match(available.out, /qwen2\.5-0\.5b-instruct\s+generation gguf\s+~491 MB/);
  });

  it('rm deletes it; rm of an unknown model and pull of an unknown name exit 2 with the reason', async () => {
    assert.equal((await cli('models', 'rm', 'ms-marco-minilm-l6')).code, 0);
    assert.deepEqual((await cli('models', 'list', '--json')).json().models, []);
    const again = await cli('models', 'rm', 'ms-marco-minilm-l6');
    assert.equal(again.code, 2);
    assert.match(again.err, /error \[NOT_FOUND\]: No pulled model "ms-marco-minilm-l6"/);
    const unknown = await cli('models', 'pull', 'gpt-17');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown model "gpt-17"/);
  });

  it('reads the hub from config models.hubUrl when FATHOM_MODEL_HUB is unset; a bad hubUrl is INVALID_CONFIG', async () => {
    const conf = join(dir, 'hub.config.json');
    writeFileSync(conf, JSON.stringify({ models: { hubUrl: hub.url } }));
    const r = await runCliCaptured({ cwd: dir, args: ['models', 'pull', 'ms-marco-minilm-l6', '--config', conf, '--progress', 'none'], env: { FATHOM_CACHE: join(dir, 'cache2') } });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Pulled: ms-marco-minilm-l6/);
    writeFileSync(conf, JSON.stringify({ models: { hubUrl: 'ftp://mirror' } }));
    const bad = await runCliCaptured({ cwd: dir, args: ['models', 'pull', 'ms-marco-minilm-l6', '--config', conf], env: { FATHOM_CACHE: join(dir, 'cache2') } });
    assert.equal(bad.code, 2);
    assert.match(bad.err, /INVALID_CONFIG/);
  });

  it('init proposes the recommended small local model with its size', async () => {
    const r = await cli('init');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /fathom models pull qwen2\.5-0\.5b-instruct/);
    assert.match(r.out, /~491 MB GGUF/);
  });
});
