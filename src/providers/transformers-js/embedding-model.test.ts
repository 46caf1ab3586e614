import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import { writeTinyBertModel } from '../../testing/tiny-onnx/index.js';
import { embedMany } from '../../core/embed-many.js';
import { FathomError } from '../../util/errors.js';
import { createTransformersEmbeddingModel } from './embedding-model.js';
import type { ModelLoadProgress } from './load-pretrained.js';

let root: string;
let modelDir: string;
let model: EmbeddingModel;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'fathom-tjs-'));
  modelDir = join(root, 'tiny-embed');
  await writeTinyBertModel({ dir: modelDir, kind: 'embedding', seed: 7 });
  model = await createTransformersEmbeddingModel({ modelId: 'fathom/tiny-embed', localModelPath: modelDir, allowRemote: false, pooling: 'cls', queryPrefix: 'query: ' });
});
after(() => rm(root, { recursive: true, force: true }));

const close = (a: Float32Array, b: Float32Array): boolean => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) < 1e-5);
const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('transformers.js embedding model on a generated ONNX model', () => {
  it('reads dimensions from config.json and returns unit vectors of that length', async () => {
    assert.equal(model.dimensions, 32);
    assert.equal(model.provider, 'transformers-js');
    assert.equal(model.normalized, true);
    assert.equal(model.maxInputTokens, 512);
    const { embeddings, usage } = await model.doEmbed({ values: ['the refund policy', 'a long sentence about water and the sea'] });
    assert.equal(embeddings.length, 2);
    for (const e of embeddings) {
      assert.equal(e.length, 32);
      assert.ok(Math.abs(norm(e) - 1) < 1e-4);
    }
    assert.ok((usage?.tokens ?? 0) >= 8);
  });

  it('gives identical texts identical vectors (whatever the batch padding) and different texts different ones', async () => {
    const { embeddings: [a, b, c] } = await model.doEmbed({ values: ['the refund policy', 'the refund policy', 'ocean water is cold'] });
    assert.ok(close(a!, b!));
    assert.ok(!close(a!, c!));
    const { embeddings: [alone] } = await model.doEmbed({ values: ['the refund policy'] });
    assert.ok(close(a!, alone!));
  });

  it('keeps order when embedMany splits into batches', async () => {
    const values = ['one', 'two words', 'three little words', 'four', 'five is here', 'six'];
    const whole = await model.doEmbed({ values });
    const small = await createTransformersEmbeddingModel({ modelId: 'fathom/tiny-embed', localModelPath: modelDir, allowRemote: false, maxBatchSize: 4, pooling: 'cls' });
    const batched = await embedMany({ model: small, values });
    assert.ok(batched.embeddings.every((e, i) => close(e, whole.embeddings[i]!)));
  });

  it('applies the query prefix only for kind query', async () => {
    const passage = await model.doEmbed({ values: ['refund policy'] });
    const query = await model.doEmbed({ values: ['refund policy'], kind: 'query' });
    const prefixed = await model.doEmbed({ values: ['query: refund policy'] });
    assert.ok(!close(passage.embeddings[0]!, query.embeddings[0]!));
    assert.ok(close(query.embeddings[0]!, prefixed.embeddings[0]!));
  });

  it('warns once, as data, when the model id is unknown and pooling is not set', async () => {
    const unknown = await createTransformersEmbeddingModel({ modelId: 'someone/mystery', localModelPath: modelDir, allowRemote: false });
    const first = await unknown.doEmbed({ values: ['a'] });
    const second = await unknown.doEmbed({ values: ['a'] });
    assert.equal(first.warnings?.[0]?.type, 'unknown-model');
    assert.equal(second.warnings, undefined);
  });

  it('finds a model copied into <cacheDir>/<modelId> and reports load progress', async () => {
    const cacheDir = join(root, 'cache');
    await writeTinyBertModel({ dir: join(cacheDir, 'fathom', 'cached-embed'), kind: 'embedding', hiddenSize: 16 });
    const events: ModelLoadProgress[] = [];
    const cached = await createTransformersEmbeddingModel({ modelId: 'fathom/cached-embed', cacheDir, allowRemote: false, onProgress: (e) => events.push(e) });
    assert.equal(cached.dimensions, 16);
    assert.ok(events.every((e) => e.modelId === 'fathom/cached-embed' && ['initiate', 'download', 'progress', 'done', 'ready'].includes(e.status)));
    assert.ok(events.some((e) => e.status === 'done' && e.file === 'onnx/model_quantized.onnx'));
    assert.ok(events.some((e) => e.status === 'done' && e.file === 'config.json'));
    assert.equal(events.at(-1)?.status, 'ready');
  });

  it('fails with MODEL_NOT_AVAILABLE naming the model and cache path when the model is missing offline', async () => {
    const cacheDir = join(root, 'empty-cache');
    await assert.rejects(
      createTransformersEmbeddingModel({ modelId: 'Xenova/bge-small-en-v1.5', cacheDir, allowRemote: false }),
      (e: unknown) =>
        FathomError.isInstance(e) && e.code === 'MODEL_NOT_AVAILABLE' && e.message.includes('Xenova/bge-small-en-v1.5') &&
        e.message.includes(join(cacheDir, 'Xenova/bge-small-en-v1.5')) && /localModelPath/.test(e.message),
    );
  });
});
