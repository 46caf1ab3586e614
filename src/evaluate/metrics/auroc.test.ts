import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auroc } from './auroc.js';

describe('auroc', () => {
  it('matches the Mann–Whitney count', () => {
    // pairs (pos, neg): (0.35,0.1)✓ (0.35,0.4)✗ (0.8,0.1)✓ (0.8,0.4)✓ → 3/4
    assert.equal(auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  });
  it('counts ties as one half', () => {
    assert.equal(auroc([0.5, 0.5, 0.2], [1, 0, 0]), 0.75); // (0.5 vs 0.5) ½ + (0.5 vs 0.2) 1 → 1.5/2
  });
  it('is 1 for perfect separation, 0 for inverted, NaN with one class', () => {
    assert.equal(auroc([3, 4, 1, 2], [true, true, false, false]), 1);
    assert.equal(auroc([1, 2, 3, 4], [true, true, false, false]), 0);
    assert.ok(Number.isNaN(auroc([1, 2], [1, 1])));
  });
  it('rejects mismatched lengths', () => {
    assert.throws(() => auroc([1, 2], [1]), /one label per score/);
  });
});
