import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import { adaptEmbeddingModel } from './adapt-embedding-model.js';

const model: EmbeddingModel = {
  specificationVersion: 'v1', provider: 'test', modelId: 'm', dimensions: 2, maxBatchSize: 8, supportsParallelCalls: true, normalized: true,
  doEmbed: async ({ values }) => ({ embeddings: values.map(() => new Float32Array([1, 0])) }),
};
const swap = { specificationVersion: 'v1' as const, dims: 2, weights: new Float32Array([0, 1, 1, 0]), embeddingModel: { provider: 'test', modelId: 'm' } };

describe('adaptEmbeddingModel', () => {
  it('maps query embeddings through the adapter and leaves passages alone', async () => {
    const adapted = adaptEmbeddingModel({ model, adapter: swap });
    assert.deepEqual([...(await adapted.doEmbed({ values: ['x'], kind: 'query' })).embeddings[0]!], [0, 1]);
    assert.deepEqual([...(await adapted.doEmbed({ values: ['x'], kind: 'passage' })).embeddings[0]!], [1, 0]);
    assert.deepEqual([...(await adapted.doEmbed({ values: ['x'] })).embeddings[0]!], [1, 0]);
  });

  it('refuses an adapter trained over another model or dimension', () => {
    assert.throws(() => adaptEmbeddingModel({ model, adapter: { ...swap, embeddingModel: { provider: 'test', modelId: 'other' } } }), { code: 'EMBEDDING_MISMATCH' });
    assert.throws(() => adaptEmbeddingModel({ model: { ...model, dimensions: 3 }, adapter: swap }), { code: 'EMBEDDING_MISMATCH' });
  });
});
