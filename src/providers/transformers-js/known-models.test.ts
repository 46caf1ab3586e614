import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownEmbeddingRecipe } from './known-models.js';

describe('knownEmbeddingRecipe', () => {
  it('knows bge (cls + query instruction), e5 (query:/passage:) and MiniLM (mean, no prefix)', () => {
    assert.deepEqual(knownEmbeddingRecipe('Xenova/bge-small-en-v1.5'), { pooling: 'cls', queryPrefix: 'Represent this sentence for searching relevant passages: ', passagePrefix: '' });
    assert.deepEqual(knownEmbeddingRecipe('Xenova/e5-small-v2'), { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    assert.deepEqual(knownEmbeddingRecipe('Xenova/multilingual-e5-small'), { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    assert.deepEqual(knownEmbeddingRecipe('Xenova/all-MiniLM-L6-v2'), { pooling: 'mean', queryPrefix: '', passagePrefix: '' });
  });

  it('returns undefined for unknown models', () => {
    assert.equal(knownEmbeddingRecipe('someone/mystery-model'), undefined);
  });
});
