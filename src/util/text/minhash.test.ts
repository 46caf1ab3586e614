import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, lshBands, minhashSignature } from './minhash.js';

const base = Array.from({ length: 400 }, (_, i) => `word${i % 97} token${(i * 7) % 53} item${i}`).join(' ');

describe('minhash', () => {
  it('gives identical signatures and bands for identical text', () => {
    const a = minhashSignature(base);
    assert.deepEqual(a, minhashSignature(base));
    assert.equal(estimateJaccard(a, minhashSignature(base)), 1);
  });

  it('estimates high similarity for a lightly edited copy and shares a band', () => {
    // 12 edited words change ~60 of ~1,200 shingles: true Jaccard ≈ 0.9.
    let edited = base;
    for (let i = 10; i < 400; i += 33) edited = edited.replace(`item${i} `, `edit${i} `);
    const a = minhashSignature(base);
    const b = minhashSignature(edited);
    const j = estimateJaccard(a, b);
    assert.ok(j > 0.8 && j < 1, `expected near-duplicate similarity, got ${j}`);
    const shared = lshBands(a).filter((band) => lshBands(b).includes(band));
    assert.ok(shared.length > 0);
  });

  it('estimates low similarity for unrelated text and shares no band', () => {
    const other = Array.from({ length: 400 }, (_, i) => `alpha${i} beta${i % 11}`).join(' ');
    const a = minhashSignature(base);
    const b = minhashSignature(other);
    assert.ok(estimateJaccard(a, b) < 0.1);
    assert.equal(lshBands(a).filter((band) => lshBands(b).includes(band)).length, 0);
  });

  it('ignores case and punctuation', () => {
    assert.deepEqual(minhashSignature('Hello, World! This is fathom.'), minhashSignature('hello world this is FATHOM'));
  });
});
