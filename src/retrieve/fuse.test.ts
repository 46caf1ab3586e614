import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import { makeChunk } from './__fixtures__/doubles.js';
import { fuse, fuseConvex, fuseRrf, normalizeScores } from './index.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} ≠ ${b}`);
const list = (stage: string, entries: Array<[string, number]>): Hit[] =>
  entries.map(([id, score], i) => ({ chunk: makeChunk({ id, text: id }), document: { id, title: id, source: id, collection: 'default' }, score, stages: { [stage]: { score, rank: i + 1 } } }));
const bm25 = list('bm25', [['a', 10], ['b', 6], ['c', 2]]);
const vector = list('vector', [['b', 0.9], ['d', 0.5]]);
const ids = (hits: Hit[]) => hits.map((h) => h.chunk.id);

describe('fuseRrf', () => {
  it('sums 1/(k + rank) over lists (k = 60)', () => {
    const fused = fuseRrf({ lists: [bm25, vector] });
    // a: 1/61 = .016393; b: 1/62 + 1/61 = .032522; c: 1/63 = .015873; d: 1/62 = .016129
    assert.deepEqual(ids(fused), ['b', 'a', 'd', 'c']);
    close(fused[0]!.stages.fused!.score, 1 / 62 + 1 / 61);
    close(fused[3]!.score, 1 / 63);
    assert.deepEqual(fused.map((h) => h.stages.fused!.rank), [1, 2, 3, 4]);
  });
  it('keeps every stage of a chunk found by both retrievers', () => {
    const b = fuseRrf({ lists: [bm25, vector] })[0]!;
    assert.deepEqual(b.stages.bm25, { score: 6, rank: 2 });
    assert.deepEqual(b.stages.vector, { score: 0.9, rank: 1 });
  });
  it('uses the configured k', () => {
    const fused = fuse({ bm25, vector, fusion: { method: 'rrf', k: 10 } });
    close(fused[0]!.score, 1 / 12 + 1 / 11); // b
    close(fused[1]!.score, 1 / 11); // a
  });
});

describe('fuseConvex', () => {
  it('min-max: alpha·norm(vector) + (1 − alpha)·norm(bm25), missing = 0', () => {
    // norm bm25: a 1, b .5, c 0; norm vector: b 1, d 0
    const half = fuseConvex({ bm25, vector });
    assert.deepEqual(ids(half), ['b', 'a', 'c', 'd']); // c and d tie at 0 → by id
    assert.deepEqual(half.map((h) => h.score), [0.75, 0.5, 0, 0]);
    const vectorHeavy = fuseConvex({ bm25, vector, alpha: 0.8 });
    close(vectorHeavy[0]!.score, 0.2 * 0.5 + 0.8); // b
    close(vectorHeavy[1]!.score, 0.2); // a
  });
  it('z-score: (s − mean) / stddev per list', () => {
    // bm25 mean 6, std √(32/3) = 3.26599 → a 1.22474, b 0, c −1.22474; vector mean .7, std .2 → b 1, d −1
    const fused = fuse({ bm25, vector, fusion: { method: 'convex', alpha: 0.5, normalization: 'zscore' } });
    assert.deepEqual(ids(fused), ['a', 'b', 'd', 'c']);
    close(fused[0]!.score, 0.5 * 1.2247449);
    close(fused[1]!.score, 0.5);
    close(fused[2]!.score, -0.5);
  });
});

describe('normalizeScores', () => {
  it('handles constant and single-score lists', () => {
    assert.deepEqual(normalizeScores([3], 'minmax'), [1]);
    assert.deepEqual(normalizeScores([2, 2], 'zscore'), [0, 0]);
    assert.deepEqual(normalizeScores([], 'minmax'), []);
    assert.deepEqual(normalizeScores([1, 3, 2], 'minmax'), [0, 1, 0.5]);
  });
});
