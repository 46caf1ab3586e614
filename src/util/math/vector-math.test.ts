import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cosine, dot, dotAt, normalize, topK } from './vector-math.js';

describe('vector math', () => {
  it('computes dot products for any length (unrolled tail included)', () => {
    const a = Float32Array.from([1, 2, 3, 4, 5]);
    const b = Float32Array.from([5, 4, 3, 2, 1]);
    assert.equal(dot(a, b), 35);
    const matrix = Float32Array.from([0, 0, 0, 0, 0, ...b]);
    assert.equal(dotAt(a, matrix, 5, 5), 35);
  });
  it('normalises and computes cosine similarity', () => {
    assert.deepEqual([...normalize(Float32Array.from([3, 4]))].map((x) => Math.round(x * 1e6) / 1e6), [0.6, 0.8]);
    assert.deepEqual([...normalize(Float32Array.from([0, 0]))], [0, 0]);
    assert.ok(Math.abs(cosine(Float32Array.from([1, 0]), Float32Array.from([1, 1])) - Math.SQRT1_2) < 1e-6);
  });
  it('selects the top k, best first, ties by lower index, skipping undefined', () => {
    const scores = [0.1, 0.9, 0.5, 0.9, 0.3, 0.7];
    assert.deepEqual(topK(scores.length, 3, (i) => scores[i]).map((s) => s.index), [1, 3, 5]);
    assert.deepEqual(topK(scores.length, 10, (i) => (i % 2 ? undefined : scores[i])).map((s) => s.index), [2, 4, 0]);
    assert.deepEqual(topK(scores.length, 0, (i) => scores[i]), []);
  });
});
