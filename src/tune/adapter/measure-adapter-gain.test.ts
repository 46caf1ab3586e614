import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureAdapterGain } from './measure-adapter-gain.js';

const v = (...xs: number[]): Float32Array => new Float32Array(xs);

describe('measureAdapterGain', () => {
  // The query points at b, but is relevant to a; the adapter swaps the axes.
  const corpus = [{ id: 'a', vector: v(1, 0) }, { id: 'b', vector: v(0, 1) }];
  const swap = { specificationVersion: 'v1' as const, dims: 2, weights: v(0, 1, 1, 0) };

  it('measures recall@k before and after the adapter, skipping queries without qrels', () => {
    const r = measureAdapterGain({ adapter: swap, queries: [{ id: 'q1', vector: v(0.1, 1) }, { id: 'q2', vector: v(1, 0) }], corpus, qrels: { q1: ['a'] }, k: 1 });
    assert.deepEqual(r, { k: 1, queries: 1, recallBefore: 0, recallAfter: 1, gain: 1 });
  });

  it('counts partial recall when a query has several relevant ids', () => {
    const r = measureAdapterGain({ adapter: swap, queries: [{ id: 'q', vector: v(0, 1) }], corpus, qrels: { q: ['a', 'b'] }, k: 1 });
    assert.equal(r.recallBefore, 0.5);
    assert.equal(r.recallAfter, 0.5);
  });

  it('rejects qrels that match no query', () => {
    assert.throws(() => measureAdapterGain({ adapter: swap, queries: [{ id: 'q', vector: v(0, 1) }], corpus, qrels: {} }), { code: 'INVALID_ARGUMENT' });
  });
});
