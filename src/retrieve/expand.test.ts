import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import { fakeStore, makeChunk, type FakeChunkInput } from './__fixtures__/fake-store.js';
import { expandParents, expandWindow } from './index.js';

const hitOf = (c: FakeChunkInput, score: number): Hit => ({ chunk: makeChunk(c), document: { id: 'doc', title: 'doc', source: 'doc', collection: 'default' }, score, stages: { bm25: { score, rank: 0 } } });

describe('expandParents', () => {
  const chunks: FakeChunkInput[] = [
    { id: 'p1', text: 'parent one', role: 'parent' },
    { id: 'p2', text: 'parent two', role: 'parent' },
    { id: 'c1', text: 'one a', parentId: 'p1' },
    { id: 'c2', text: 'one b', parentId: 'p1' },
    { id: 'c3', text: 'two a', parentId: 'p2' },
    { id: 'c4', text: 'orphan' },
  ];
  it('returns parents, merging matched siblings at the best child’s position and scores', async () => {
    const store = fakeStore(chunks);
    const hits = [hitOf(chunks[3]!, 9), hitOf(chunks[4]!, 8), hitOf(chunks[2]!, 7), hitOf(chunks[5]!, 6)];
    const out = await expandParents({ hits, store, tenant: 't1' });
    assert.deepEqual(out.map((h) => h.chunk.id), ['p1', 'p2', 'c4']);
    assert.equal(out[0]!.score, 9);
    assert.deepEqual(out[0]!.stages.bm25, { score: 9, rank: 0 });
    assert.deepEqual(out[0]!.matchedChildren!.map((c) => [c.chunkId, c.score]), [['c2', 9], ['c1', 7]]);
    assert.equal(out[2]!.matchedChildren, undefined);
    assert.deepEqual(store.calls.getChunks, [['p1', 'p2']], 'one batched parent fetch');
  });
  it('keeps the child when its parent is missing', async () => {
    const out = await expandParents({ hits: [hitOf({ id: 'x', text: 'x', parentId: 'gone' }, 1)], store: fakeStore([]), tenant: 't1' });
    assert.equal(out[0]!.chunk.id, 'x');
  });
});

describe('expandWindow', () => {
  // Leaves at offsets: "alpha " [0,6) "beta " [6,11) "gamma " [11,17) "delta" [17,22); overlap case below.
  const leaves: FakeChunkInput[] = [
    { id: 'l0', text: 'alpha ', ordinal: 0, start: 0 },
    { id: 'l1', text: 'beta ', ordinal: 1, start: 6 },
    { id: 'l2', text: 'gamma ', ordinal: 2, start: 11 },
    { id: 'l3', text: 'delta', ordinal: 3, start: 17 },
  ];
  it('widens a hit with its neighbours, joined by offsets', async () => {
    const out = await expandWindow({ hits: [hitOf(leaves[2]!, 1)], store: fakeStore(leaves), tenant: 't1', window: 1 });
    assert.equal(out[0]!.chunk.text, 'beta gamma delta');
    assert.equal(out[0]!.chunk.id, 'l2');
    assert.deepEqual([out[0]!.chunk.start, out[0]!.chunk.end], [6, 22]);
    assert.deepEqual(out[0]!.chunk.metadata.windowChunkIds, ['l1', 'l2', 'l3']);
  });
  it('does not repeat overlapping text, and drops a hit whose window is already returned', async () => {
    const overlapping: FakeChunkInput[] = [
      { id: 'o0', text: 'hello wor', ordinal: 0, start: 0 },
      { id: 'o1', text: 'world', ordinal: 1, start: 6 },
    ];
    const out = await expandWindow({ hits: [hitOf(overlapping[0]!, 2), hitOf(overlapping[1]!, 1)], store: fakeStore(overlapping), tenant: 't1', window: 1 });
    assert.equal(out.length, 1);
    assert.equal(out[0]!.chunk.text, 'hello world');
  });
});
