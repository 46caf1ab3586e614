import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import type { SufficiencyFeatures } from '../spec/retrieve.js';
import { predictLogistic } from '../util/math/logistic.js';
import { makeChunk } from './__fixtures__/doubles.js';
import { SUFFICIENCY_FEATURES, _standardize } from './sufficiency-model.js';
import { calibrateSufficiency, chooseSufficiencyThreshold, computeSufficiency, sufficiencyFeatures } from './index.js';

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
    const { rerankTop, bm25Norm, vectorTop, coverage, margin, hasHits } = f;
    assert.deepEqual({ rerankTop, bm25Norm, vectorTop, coverage, margin, hasHits }, { rerankTop: 0.9, bm25Norm: 6 / 8, vectorTop: 0.8, coverage: 1, margin: (10 - 5) / 10, hasHits: 1 });
    // the best passage and sentence hold every salient term; "where" asks for a place and "Paris" is one
    assert.deepEqual({ ...f, rerankTop: 0, bm25Norm: 0, vectorTop: 0, coverage: 0, margin: 0, hasHits: 0 }, {
      rerankTop: 0, bm25Norm: 0, vectorTop: 0, coverage: 0, margin: 0, hasHits: 0,
      idfCoverage: 1, sentenceCoverage: 1, unseen: 0, missingTop: 0, unindexed: null, typed: 1, typeMatch: 1, negated: 0, numberMissing: 0,
      bigramCoverage: 2 / 3, sentenceMissing: 0, questionTerms: Math.log(4), sentenceMissingTop: 0, oneMissing: 0, nameMissing: 0, antonym: 0,
    });
  });
  it('weighs terms found in no passage, and names a term the index has never seen', () => {
    const hits = [hit('Refunds are possible within 30 days of purchase.', 5), hit('Invoices are sent monthly.', 3)];
    const weights = new Map([['refund', 2], ['possibl', 1], ['ceo', 0]]);
    const answered = sufficiencyFeatures({ hits, query: 'Are refunds possible?', termWeights: weights });
    const ceo = sufficiencyFeatures({ hits, query: 'Who is the CEO?', termWeights: weights });
    assert.equal(answered.unseen, 0);
    assert.equal(answered.unindexed, 0);
    assert.equal(ceo.unseen, 1, 'the only salient term is in no passage');
    assert.equal(ceo.unindexed, 1);
    assert.equal(ceo.idfCoverage, 0);
    assert.ok(computeSufficiency({ hits, query: 'Who is the CEO?', termWeights: weights }) < computeSufficiency({ hits, query: 'Are refunds possible?', termWeights: weights }));
  });
  it('notices a changed word: the rarest term missing from the best sentence, one word missing, a name not in the passage, an antonym', () => {
    const hits = [hit('The largest church in Warsaw was built by Jan Kowalski in 1890. It burned in 1944.', 5)];
    const weights = new Map([['largest', 1], ['smallest', 1], ['church', 1], ['warsaw', 3], ['built', 1], ['krakow', 3], ['nowak', 3]]);
    const same = sufficiencyFeatures({ hits, query: 'Who built the largest church in Warsaw?', termWeights: weights });
    assert.deepEqual([same.sentenceMissingTop, same.oneMissing, same.nameMissing, same.antonym], [0, 0, 0, 0]);
    const swapped = sufficiencyFeatures({ hits, query: 'Who built the largest church in Krakow?', termWeights: weights });
    assert.deepEqual([swapped.sentenceMissingTop, swapped.oneMissing, swapped.nameMissing, swapped.antonym], [1, 1, 1, 0]);
    const opposite = sufficiencyFeatures({ hits, query: 'Who built the smallest church in Warsaw?', termWeights: weights });
    assert.deepEqual([opposite.oneMissing, opposite.nameMissing, opposite.antonym], [1, 0, 1]);
    assert.equal(opposite.sentenceMissingTop, 1 / 3);
  });
  it('reads a model written before a feature existed at that feature\'s mean', () => {
    const f = sufficiencyFeatures({ hits: [hit('alpha beta', 1)], query: 'alpha beta' });
    const old = { bias: 0, weights: { coverage: 1 }, means: { coverage: 0.5 }, stds: { coverage: 0.25 } } as never;
    assert.ok(Number.isFinite(computeSufficiency({ hits: [], query: '', model: old, features: f })));
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
  const features = (coverage: number, margin: number): SufficiencyFeatures => ({
    rerankTop: null, bm25Norm: null, vectorTop: null, coverage, margin, hasHits: 1, idfCoverage: 0.5, sentenceCoverage: 0.5, unseen: 0, missingTop: 0.5,
    unindexed: null, typed: 0, typeMatch: 0, negated: 0, numberMissing: 0, bigramCoverage: 0, sentenceMissing: 0, questionTerms: 1, sentenceMissingTop: 0, oneMissing: 0, nameMissing: 0, antonym: 0,
  });
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
    // computeSufficiency applies the fitted model to given features
    const covered = computeSufficiency({ hits: [], query: '', features: features(1, 0.2), model });
    const uncovered = computeSufficiency({ hits: [], query: '', features: features(0, 0.2), model });
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

describe('chooseSufficiencyThreshold', () => {
  // Scores of a noisy but informative model: answerable ~ higher. Deterministic pseudo-random.
  const rand = ((seed) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648))(3);
  const draw = (n: number) => Array.from({ length: n }, (_, i) => {
    const answerable = i % 2 === 0;
    return { score: Math.min(1, Math.max(0, (answerable ? 0.65 : 0.35) + (rand() - 0.5) * 0.6)), answerable };
  });
  const fit = draw(400);
  const heldOut = draw(400);
  it('picks the point with the most abstentions that keeps the requested answerable recall and precision, and it holds on held-out items', () => {
    const chosen = chooseSufficiencyThreshold({ samples: fit, minAnswerableRecall: 0.85, minAbstentionPrecision: 0.8 });
    assert.ok(chosen.answerableRecall >= 0.85 && chosen.abstentionPrecision >= 0.8, JSON.stringify({ ...chosen, curve: undefined }));
    assert.ok(chosen.abstentionRecall > 0.3, 'it abstains on a good share of unanswerable items');
    assert.ok(chosen.curve.length > 100 && chosen.curve.every((p, i, all) => i === 0 || p.answerableRecall <= all[i - 1]!.answerableRecall));
    const abstained = heldOut.filter((s) => s.score < chosen.threshold);
    const precision = abstained.filter((s) => !s.answerable).length / abstained.length;
    const recall = heldOut.filter((s) => s.answerable && s.score >= chosen.threshold).length / heldOut.filter((s) => s.answerable).length;
    assert.ok(precision >= 0.75 && recall >= 0.8, `held-out precision ${precision}, answerable recall ${recall}`);
  });
  it('needs both kinds of item', () => {
    assert.throws(() => chooseSufficiencyThreshold({ samples: fit.filter((s) => s.answerable) }), { code: 'INVALID_DATASET' });
  });
});

function _predict(model: ReturnType<typeof calibrateSufficiency>, f: SufficiencyFeatures): number {
  return predictLogistic(_standardize(f, model), model.bias, SUFFICIENCY_FEATURES.map((n) => model.weights[n] ?? 0));
}
