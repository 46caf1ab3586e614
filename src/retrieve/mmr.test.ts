import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import { makeChunk } from './__fixtures__/doubles.js';
import { mmr } from './index.js';

const hit = (id: string): Hit => ({ chunk: makeChunk({ id, text: id }), document: { id, title: id, source: id, collection: 'default' }, score: 1, stages: {} });
const hits = [hit('d1'), hit('d2'), hit('d3')];
// q = (.8, .6); d1 = d2 = (1, 0) (duplicates), d3 = (0, 1). cos(q, d1) = .8, cos(q, d3) = .6, cos(d1, d3) = 0.
const queryVector = Float32Array.from([0.8, 0.6]);
const vectors = [Float32Array.from([1, 0]), Float32Array.from([1, 0]), Float32Array.from([0, 1])];

describe('mmr', () => {
  it('prefers a diverse document over a duplicate (λ = 0.7)', () => {
    const out = mmr({ hits, queryVector, vectors, lambda: 0.7 });
    // step 1: d1 .7·.8 = .56 (ties d2, earlier wins); step 2: d2 .56 − .3·1 = .26, d3 .7·.6 − 0 = .42 → d3; step 3: d2 .26
    assert.deepEqual(out.map((h) => h.chunk.id), ['d1', 'd3', 'd2']);
    const scores = out.map((h) => h.stages.mmr!.score);
    [0.56, 0.42, 0.26].forEach((s, i) => assert.ok(Math.abs(scores[i]! - s) < 1e-6, `${scores[i]} ≠ ${s}`));
    assert.deepEqual(out.map((h) => h.stages.mmr!.rank), [1, 2, 3]);
  });
  it('λ = 1 is pure relevance order', () => {
    assert.deepEqual(mmr({ hits, queryVector, vectors, lambda: 1 }).map((h) => h.chunk.id), ['d1', 'd2', 'd3']);
  });
  it('selects topK', () => {
    assert.equal(mmr({ hits, queryVector, vectors, topK: 2 }).length, 2);
  });
});
