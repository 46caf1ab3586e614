import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeTinyBertModel } from './write-tiny-bert-model.js';

let root: string;
before(async () => { root = await mkdtemp(join(tmpdir(), 'fathom-tiny-')); });
after(() => rm(root, { recursive: true, force: true }));

describe('writeTinyBertModel', () => {
  it('writes a Hugging Face layout that transformers.js loads offline through env.localModelPath', async () => {
    const written = await writeTinyBertModel({ dir: join(root, 'tiny'), kind: 'embedding', hiddenSize: 24, layers: 2 });
    assert.equal(written.dimensions, 24);
    const config = JSON.parse(await readFile(join(root, 'tiny', 'config.json'), 'utf8'));
    assert.equal(config.hidden_size, 24);
    const { AutoModel, AutoTokenizer, env } = await import('@huggingface/transformers');
    const saved = { allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath };
    env.allowRemoteModels = false;
    env.localModelPath = root;
    try {
      const tokenizer = await AutoTokenizer.from_pretrained('tiny');
      const inputs = tokenizer(['The refund policy.', 'xyzzy'], { padding: true, truncation: true });
      const ids = inputs.input_ids.tolist() as bigint[][];
      assert.equal(tokenizer.decode(ids[0]!.map(Number), { skip_special_tokens: true }), 'the refund policy.');
      assert.equal(tokenizer.decode(ids[1]!.map(Number), { skip_special_tokens: true }), 'xyzzy');
      const model = await AutoModel.from_pretrained('tiny', { dtype: 'fp32', session_options: { intraOpNumThreads: 1 } });
      const { last_hidden_state } = await model(inputs);
      assert.deepEqual(last_hidden_state.dims, [2, inputs.input_ids.dims[1], 24]);
      assert.ok(Array.from(last_hidden_state.data as Float32Array).every(Number.isFinite));
    } finally {
      Object.assign(env, saved);
    }
  });

  it('is deterministic per seed and differs across seeds', async () => {
    await writeTinyBertModel({ dir: join(root, 'a'), kind: 'cross-encoder', seed: 5 });
    await writeTinyBertModel({ dir: join(root, 'b'), kind: 'cross-encoder', seed: 5 });
    await writeTinyBertModel({ dir: join(root, 'c'), kind: 'cross-encoder', seed: 6 });
    const bytes = (d: string) => readFile(join(root, d, 'onnx', 'model.onnx'));
    assert.deepEqual(await bytes('a'), await bytes('b'));
    assert.notDeepEqual(await bytes('a'), await bytes('c'));
  });
});
