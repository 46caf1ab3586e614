import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentWrite } from '../../spec/store.js';
import { createSqliteStore } from './index.js';
import { encodeTerms, luceneLength } from './keyword-index.js';

const write = (id: string, text: string): DocumentWrite => ({
  document: { id, source: id, title: id, text, format: 'text', metadata: {} },
  contentHash: id + text,
  chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 1, role: 'leaf' }],
  at: 1,
});

describe('keyword index', () => {
  it('encodes analyzed terms with their frequencies and the field length', () => {
    assert.deepEqual(encodeTerms('Cats chase cats; the dog sleeps.'), { length: 5, terms: 'cat 2 chase 1 dog 1 sleep 1' });
  });

  it('quantizes lengths like Lucene’s one-byte norms', () => {
    assert.deepEqual([0, 1, 23, 24, 25, 40, 200, 210, 215, 216, 1000].map(luceneLength), [0, 1, 23, 24, 25, 40, 200, 200, 200, 216, 984]);
  });

  it('scores with Lucene BM25 (k1, b, idf = ln(1 + (N − df + 0.5)/(df + 0.5)))', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await store.commit({ tenant: 't', writes: [write('a', 'apple apple pear'), write('b', 'pear plum'), write('c', 'plum fig kiwi lime')] });
    const [hit] = await store.searchKeyword({ tenant: 't', query: 'apple', topK: 1, bm25: { k1: 1.2, b: 0.75 } });
    const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    const avgdl = (3 + 2 + 4) / 3;
    const expected = (idf * 2 * 2.2) / (2 + 1.2 * (1 - 0.75 + (0.75 * 3) / avgdl));
    assert.ok(Math.abs(hit!.score - expected) < 1e-9, `${hit!.score} vs ${expected}`);
    const [again] = await store.searchKeyword({ tenant: 't', query: 'apple apple', topK: 1, bm25: { k1: 1.2, b: 0.75 } });
    assert.ok(Math.abs(again!.score - 2 * expected) < 1e-9, 'a repeated query term counts twice');
    await store.close();
  });
});
