import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import type { SufficiencyFeatures } from '../spec/retrieve.js';
import { makeChunk } from './__fixtures__/fake-store.js';
import { calibrateSufficiency, computeSufficiency, sufficiencyFeatures } from './index.js';

const hit = (text: string, score: number, stages: Hit['stages'] = {}): Hit => ({ chunk: makeChunk({ id: text, text }), document: { id: 'd', title: 'd', source: 'd', collection: 'default' }, score, stages });

describe('sufficiencyFeatures', () => {
  it('computes each feature from the ranked list', () => {
    const hits = [
      hit('The Eiffel tower was built in Paris', 10, { bm25: { score: 6, rank: 1 }, rerank: { score: 0.9, rank: 1 }, vector: { score: 0.7, rank: 2 } }),
      hit('Towers of London', 8, { bm25: { score: 3, rank: 2 }, vector: { score: 0.8, rank: 1 } }),
      hit('x', 5),
    ];
    const f = sufficiencyFeatures({ hits, query: 'Where was the Eiffel Tower built?', queryMaxScore: 8, marginAt: 3 });
    // content terms {eiffel, tower, built} ("where", "was", "the" are stop words) all in the top hit (stemmed) → 1
    assert.deepEqual(f, { rerankTop: 0.9, bm25Norm: 6 / 8, vectorTop: 0.8, coverage: 1, margin: (10 - 5) / 10, hasHits: 1 });
  });
  it('marks unavailable features null and applies a sigmoid to logits', () => {
    const f = sufficiencyFeatures({ hits: [hit('alpha', 1, { rerank: { score: 0, rank: 1 } })], query: 'alpha beta', rerankScoresAreProbabilities: false });
    assert.equal(f.rerankTop, 0.5);
    assert.equal(f.bm25Norm, null);
    assert.equal(f.vectorTop, null);
    assert.equal(f.coverage, 0.5);
    assert.equal(f.margin, 0);
  });
});

describe('computeSufficiency', () => {
  it('is 0 with no hits, in (0, 1) otherwise, and rises with reranker confidence', () => {
    assert.equal(computeSufficiency({ hits: [], query: 'q' }), 0);
    const low = computeSufficiency({ hits: [hit('alpha', 1, { rerank: { score: 0.05, rank: 1 } })], query: 'alpha' });
    const high = computeSufficiency({ hits: [hit('alpha', 1, { rerank: { score: 0.95, rank: 1 } })], query: 'alpha' });
    assert.ok(low > 0 && high < 1 && high > low, `${low} < ${high}`);
  });
});

describe('calibrateSufficiency', () => {
  const features = (coverage: number, margin: number): SufficiencyFeatures => ({ rerankTop: null, bm25Norm: null, vectorTop: null, coverage, margin, hasHits: 1 });
  // Answerable iff coverage > 0.5; margin is noise (pseudo-random, deterministic).
  const samples = Array.from({ length: 80 }, (_, i) => {
    const coverage = (i % 20) / 19;
    return { features: features(coverage, ((i * 37) % 11) / 10), answerable: coverage > 0.5 };
  });
  it('fits weights that separate the labels, with the informative feature dominating', () => {
    const model = calibrateSufficiency({ samples });
    assert.ok(model.weights.coverage > 1, `coverage weight ${model.weights.coverage}`);
    assert.ok(Math.abs(model.weights.margin) < model.weights.coverage / 4);
    const p = (c: number) => _predict(model, features(c, 0.5));
    assert.ok(p(0.9) > 0.8 && p(0.1) < 0.2, `${p(0.9)} / ${p(0.1)}`);
    // computeSufficiency applies the fitted model: a fully covered query vs one with no shared term
    const covered = computeSufficiency({ hits: [hit('alpha', 1)], query: 'alpha', model });
    const uncovered = computeSufficiency({ hits: [hit('zzz', 1)], query: 'alpha', model });
    assert.ok(covered > 0.8 && uncovered < 0.2, `${covered} / ${uncovered}`);
    assert.match(model.source!, /80 samples \(40 answerable\)/);
  });
  it('is deterministic', () => {
    assert.deepEqual(calibrateSufficiency({ samples, epochs: 50 }), calibrateSufficiency({ samples, epochs: 50 }));
  });
  it('needs both classes', () => {
    assert.throws(() => calibrateSufficiency({ samples: samples.filter((s) => s.answerable) }), { code: 'INVALID_DATASET' });
  });
});

function _predict(model: ReturnType<typeof calibrateSufficiency>, f: SufficiencyFeatures): number {
  let t = model.bias;
  for (const [name, w] of Object.entries(model.weights) as Array<[keyof SufficiencyFeatures, number]>) {
    const x = f[name];
    if (x !== null) t += (w * (x - model.means[name])) / model.stds[name];
  }
  return 1 / (1 + Math.exp(-t));
}
