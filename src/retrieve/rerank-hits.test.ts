import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import type { Reranker } from '../spec/reranker.js';
import { fakeReranker, makeChunk } from './__fixtures__/doubles.js';
import { rerankHits } from './index.js';

const hit = (id: string, text: string, rank: number): Hit => ({ chunk: makeChunk({ id, text }), document: { id, title: id, source: id, collection: 'default' }, score: 10 - rank, stages: { bm25: { score: 10 - rank, rank } } });
const hits = [hit('a', 'red', 1), hit('b', 'red fox', 2), hit('c', 'red fox jumps', 3), hit('d', 'red fox jumps high', 4)];

describe('rerankHits', () => {
  it('scores the top N in batches of maxBatchSize, reorders, then cuts to k', async () => {
    const reranker = fakeReranker({ maxBatchSize: 2 });
    const out = await rerankHits({ hits, query: 'red fox jumps', reranker, topN: 3, topK: 2 });
    assert.deepEqual(reranker.calls.map((c) => c.documents), [['red', 'red fox'], ['red fox jumps']]);
    assert.deepEqual(out.map((h) => h.chunk.id), ['c', 'b']);
    assert.deepEqual(out[0]!.stages.rerank, { score: 1, rank: 1 });
    assert.deepEqual(out[0]!.stages.bm25, { score: 7, rank: 3 }, 'earlier stages are kept');
    assert.equal(out[0]!.score, 1);
  });
  it('rejects a reranker that returns the wrong number of scores', async () => {
    const broken: Reranker = { ...fakeReranker(), doRerank: async () => ({ scores: [1] }) };
    await assert.rejects(rerankHits({ hits, query: 'red', reranker: broken, topN: 2 }), { code: 'PROVIDER_BAD_RESPONSE' });
  });
});
