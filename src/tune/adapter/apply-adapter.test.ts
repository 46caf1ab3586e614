import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyAdapter } from './apply-adapter.js';

describe('applyAdapter', () => {
  it('computes W·q + b and returns it at unit length', () => {
    const adapter = { specificationVersion: 'v1' as const, dims: 2, weights: new Float32Array([0, 2, 1, 0]), bias: new Float32Array([0, 1]) };
    const out = applyAdapter(adapter, new Float32Array([3, 1]));
    // W·q = [2, 3], + b = [2, 4] → [0.4472, 0.8944]
    assert.ok(Math.abs(out[0]! - 2 / Math.sqrt(20)) < 1e-6);
    assert.ok(Math.abs(out[1]! - 4 / Math.sqrt(20)) < 1e-6);
  });

  it('refuses a vector of another length with EMBEDDING_MISMATCH', () => {
    const adapter = { specificationVersion: 'v1' as const, dims: 2, weights: new Float32Array(4) };
    assert.throws(() => applyAdapter(adapter, new Float32Array(3)), { code: 'EMBEDDING_MISMATCH' });
  });
});
