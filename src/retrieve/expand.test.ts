import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Chunk, ChunkDraft } from '../spec/chunk.js';
import type { Hit } from '../spec/hit.js';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { recordStoreCalls } from '../testing/store/record-store-calls.js';
import { sha256 } from '../util/hash.js';
import { expandParents, expandWindow } from './index.js';

// Parents and neighbours are read from a real SQLite store (`:memory:`); a recording view shows the reads.

const hitOf = (chunk: Chunk, score: number): Hit => ({ chunk, document: { id: chunk.documentId, title: 'doc', source: 'doc', collection: 'default' }, score, stages: { bm25: { score, rank: 0 } } });

/** Commit a document whose chunks are `drafts` (text taken from `text` at their offsets); returns its chunks by text. */
async function commitDoc(store: Store, id: string, text: string, drafts: Array<Omit<ChunkDraft, 'text' | 'headingPath' | 'tokenCount'>>): Promise<Map<string, Chunk>> {
  const chunks = drafts.map((d) => ({ ...d, text: text.slice(d.start, d.end), headingPath: [], tokenCount: 1 }));
  await store.commit({ tenant: 't1', writes: [{ document: { id, source: id, title: id, text, format: 'text', metadata: {} }, contentHash: sha256(text), chunks, at: 1 }] });
  return new Map((await store.listChunks({ tenant: 't1', documentId: id })).map((c) => [c.text, c]));
}

let store: Store;
before(async () => {
  store = await createSqliteStore({ path: ':memory:' });
});
after(() => store.close());

describe('expandParents', () => {
  it('returns parents, merging matched siblings at the best child’s position and scores', async () => {
    const text = 'parent one|parent two|one a|one b|two a|orphan';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const c = await commitDoc(store, 'family', text, [
      { ...at('parent one'), role: 'parent' },
      { ...at('parent two'), role: 'parent' },
      { ...at('one a'), role: 'leaf', parentIndex: 0 },
      { ...at('one b'), role: 'leaf', parentIndex: 0 },
      { ...at('two a'), role: 'leaf', parentIndex: 1 },
      { ...at('orphan'), role: 'leaf' },
    ]);
    const id = (t: string) => c.get(t)!.id;
    const recording = recordStoreCalls(store);
    const hits = [hitOf(c.get('one b')!, 9), hitOf(c.get('two a')!, 8), hitOf(c.get('one a')!, 7), hitOf(c.get('orphan')!, 6)];
    const out = await expandParents({ hits, store: recording, tenant: 't1' });
    assert.deepEqual(out.map((h) => h.chunk.id), [id('parent one'), id('parent two'), id('orphan')]);
    assert.equal(out[0]!.score, 9);
    assert.deepEqual(out[0]!.stages.bm25, { score: 9, rank: 0 });
    assert.deepEqual(out[0]!.matchedChildren!.map((m) => [m.chunkId, m.score]), [[id('one b'), 9], [id('one a'), 7]]);
    assert.equal(out[2]!.matchedChildren, undefined);
    assert.deepEqual(recording.calls.getChunks, [[id('parent one'), id('parent two')]], 'one batched parent fetch');
  });
  it('keeps the child when its parent is missing', async () => {
    const [chunk] = (await commitDoc(store, 'lonely', 'x', [{ start: 0, end: 1, role: 'leaf' }])).values();
    const out = await expandParents({ hits: [hitOf({ ...chunk!, parentId: 'gone' }, 1)], store, tenant: 't1' });
    assert.equal(out[0]!.chunk.id, chunk!.id);
  });
});

describe('expandWindow', () => {
  it('widens a hit with its neighbours, joined by offsets', async () => {
    // Leaves at offsets: "alpha " [0,6) "beta " [6,11) "gamma " [11,17) "delta" [17,22).
    const c = await commitDoc(store, 'greek', 'alpha beta gamma delta', [
      { start: 0, end: 6, role: 'leaf' }, { start: 6, end: 11, role: 'leaf' }, { start: 11, end: 17, role: 'leaf' }, { start: 17, end: 22, role: 'leaf' },
    ]);
    const out = await expandWindow({ hits: [hitOf(c.get('gamma ')!, 1)], store, tenant: 't1', window: 1 });
    assert.equal(out[0]!.chunk.text, 'beta gamma delta');
    assert.equal(out[0]!.chunk.id, c.get('gamma ')!.id);
    assert.deepEqual([out[0]!.chunk.start, out[0]!.chunk.end], [6, 22]);
    assert.deepEqual(out[0]!.chunk.metadata.windowChunkIds, ['beta ', 'gamma ', 'delta'].map((t) => c.get(t)!.id));
  });
  it('does not repeat overlapping text, and drops a hit whose window is already returned', async () => {
    const c = await commitDoc(store, 'hello', 'hello world', [{ start: 0, end: 9, role: 'leaf' }, { start: 6, end: 11, role: 'leaf' }]);
    const out = await expandWindow({ hits: [hitOf(c.get('hello wor')!, 2), hitOf(c.get('world')!, 1)], store, tenant: 't1', window: 1 });
    assert.equal(out.length, 1);
    assert.equal(out[0]!.chunk.text, 'hello world');
  });
});
