import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCorruptedSetup } from './__fixtures__/corrupted-embedder.js';
import { applyAdapter } from './apply-adapter.js';
import { measureAdapterGain } from './measure-adapter-gain.js';
import { trainEmbeddingAdapter, type AdapterPair } from './train-embedding-adapter.js';

const setup = makeCorruptedSetup({ dims: 32, count: 600, strength: 4 });
const pair = (i: number): AdapterPair => ({ query: setup.queries[i]!.vector, positive: setup.corpus[i]!.vector });
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const heldOut = setup.queries.slice(500);

describe('trainEmbeddingAdapter on a linearly corrupted embedder', () => {
  const result = trainEmbeddingAdapter({ pairs: range(0, 400).map(pair), validation: range(400, 500).map(pair), epochs: 30, learningRate: 0.01, patience: 5, seed: 1 });

  it('raises held-out recall@10 from below 0.5 to above 0.9', () => {
    const gain = measureAdapterGain({ adapter: result.adapter, queries: heldOut, corpus: setup.corpus, qrels: setup.qrels, k: 10 });
    assert.equal(gain.queries, 100);
    assert.ok(gain.recallBefore < 0.5, `before ${gain.recallBefore}`);
    assert.ok(gain.recallAfter > 0.9, `after ${gain.recallAfter}`);
    assert.ok(Math.abs(gain.gain - (gain.recallAfter - gain.recallBefore)) < 1e-12);
  });

  it('learns the corruption back: W·M·x points along x (and nearest to x) for held-out x', () => {
    const d = setup.dims;
    let before = 0, after = 0, top1 = 0;
    for (const { vector: x } of setup.corpus.slice(500)) {
      const mx = new Float32Array(d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) mx[i] += setup.corruption[i * d + j]! * x[j]!;
      const y = applyAdapter(result.adapter, mx);
      const cos = (a: Float32Array, b: Float32Array): number => a.reduce((s, v, i) => s + v * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
      before += cos(mx, x);
      after += cos(y, x);
      const best = setup.corpus.reduce((acc, p) => (cos(y, p.vector) > acc.score ? { id: p.vector, score: cos(y, p.vector) } : acc), { id: x, score: -Infinity });
      if (best.id === x) top1++;
    }
    assert.ok(before / 100 < 0.4, `before: mean cos(M·x, x) = ${before / 100}`);
    assert.ok(after / 100 > 0.7, `after: mean cos(W·M·x, x) = ${after / 100}`);
    assert.ok(top1 >= 95, `W·M·x nearest to x for ${top1}/100`);
  });

  it('records a falling loss history and keeps the best epoch', () => {
    assert.ok(result.history.length >= 2);
    assert.ok(result.history.at(-1)!.trainLoss < result.history[0]!.trainLoss);
    const best = result.history.find((h) => h.epoch === result.bestEpoch)!;
    assert.equal(Math.min(...result.history.map((h) => h.validationLoss!)), best.validationLoss);
    assert.ok(best.validationAccuracy! > 0.9);
  });
});

describe('trainEmbeddingAdapter behaviour', () => {
  it('is deterministic for a seed', () => {
    const a = trainEmbeddingAdapter({ pairs: range(0, 64).map(pair), epochs: 2, seed: 3 });
    const b = trainEmbeddingAdapter({ pairs: range(0, 64).map(pair), epochs: 2, seed: 3 });
    assert.deepEqual(a.adapter.weights, b.adapter.weights);
    assert.equal(a.bestEpoch, 2);
  });

  it('stops early when validation loss stops improving and restores the best weights', () => {
    const r = trainEmbeddingAdapter({ pairs: range(0, 8).map(pair), validation: range(400, 500).map(pair), epochs: 200, learningRate: 0.05, batchSize: 8, patience: 2 });
    assert.equal(r.stoppedEarly, true);
    assert.ok(r.history.length < 200);
    assert.equal(r.history.length, r.bestEpoch + 2);
  });

  it('uses hard negatives and a bias when asked', () => {
    const withNegatives = range(0, 32).map((i) => ({ ...pair(i), negatives: [setup.corpus[(i + 1) % 32]!.vector] }));
    const r = trainEmbeddingAdapter({ pairs: withNegatives, epochs: 3, bias: true, embeddingModel: { provider: 'test', modelId: 'm' } });
    assert.equal(r.adapter.bias?.length, 32);
    assert.ok(r.adapter.bias!.some((v) => v !== 0));
    assert.deepEqual(r.adapter.embeddingModel, { provider: 'test', modelId: 'm' });
  });

  it('rejects empty input and mixed dimensions', () => {
    assert.throws(() => trainEmbeddingAdapter({ pairs: [] }), { code: 'INVALID_ARGUMENT' });
    assert.throws(() => trainEmbeddingAdapter({ pairs: [pair(0), { query: new Float32Array(8), positive: new Float32Array(8) }] }), { code: 'EMBEDDING_MISMATCH' });
  });
});
