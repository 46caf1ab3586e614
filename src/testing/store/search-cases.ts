/** Conformance: BM25 ranking, vector search, and filters applied inside the search (before top-k). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { MetadataFilter } from '../../spec/filter.js';
import type { Store } from '../../spec/store.js';
import { hasVectors, makeWrite, rejectsWithCode, withStore } from './fixtures.js';

const tenant = 's';

/** Six documents d0…d5 ranked d0 > … > d5 for the query 'apple' and for the vector [1, 0]. */
async function seedRanked(store: Store): Promise<void> {
  const writes = Array.from({ length: 6 }, (_, i) => {
    const words = [...Array(6 - i).fill('apple'), ...Array(i * 3).fill('filler')].join(' ');
    const angle = (i * Math.PI) / 14;
    return makeWrite({
      id: `d${i}`,
      paragraphs: [`${words}.`],
      collection: i % 2 ? 'odd' : 'even',
      metadata: { rank: i, team: i < 3 ? 'red' : 'blue', nested: { level: i }, tags: i === 4 ? ['x', 'y'] : ['z'], flag: i === 2 },
      vectors: [[Math.cos(angle), Math.sin(angle)]],
      at: 1_000 + i,
    });
  });
  await store.commit({ tenant, writes });
}

/** [name, filter, topK, every matching document in rank (= id) order]. */
const filterCases: Array<[string, MetadataFilter, number, string[]]> = [
  ['scalar equality', { team: 'blue' }, 1, ['d3', 'd4', 'd5']],
  ['eq', { team: { eq: 'blue' } }, 1, ['d3', 'd4', 'd5']],
  ['ne', { team: { ne: 'red' } }, 1, ['d3', 'd4', 'd5']],
  ['ne on a number', { rank: { ne: 0 } }, 1, ['d1', 'd2', 'd3', 'd4', 'd5']],
  ['in', { rank: { in: [2, 5] } }, 2, ['d2', 'd5']],
  ['gt', { rank: { gt: 3 } }, 1, ['d4', 'd5']],
  ['gte', { rank: { gte: 5 } }, 1, ['d5']],
  ['lt', { rank: { lt: 2 } }, 6, ['d0', 'd1']],
  ['lte', { rank: { lte: 1 } }, 6, ['d0', 'd1']],
  ['dotted path', { 'nested.level': 5 }, 1, ['d5']],
  ['boolean', { flag: true }, 1, ['d2']],
  ['array membership', { tags: 'y' }, 1, ['d4']],
  ['document field collection', { collection: 'odd' }, 1, ['d1', 'd3', 'd5']],
  ['document field documentId', { documentId: { in: ['d4', 'd5'] } }, 1, ['d4', 'd5']],
  ['document field updatedAt', { updatedAt: { gte: 1_005 } }, 1, ['d5']],
  ['AND of conditions', { team: 'blue', rank: { lt: 5 } }, 6, ['d3', 'd4']],
  ['no match', { team: 'green' }, 6, []],
];

export function searchCases(create: () => Promise<Store>): void {
  it('ranks by BM25 and reports each hit’s stage score and rank', () =>
    withStore(create, async (store) => {
      await seedRanked(store);
      await store.commit({ tenant, writes: [makeWrite({ id: 'other', paragraphs: ['No fruit mentioned here.'] })] });
      const hits = await store.searchKeyword({ tenant, query: 'Apples!', topK: 10 });
      assert.deepEqual(hits.map((h) => h.document.id), ['d0', 'd1', 'd2', 'd3', 'd4', 'd5']);
      hits.forEach((h, i) => {
        assert.equal(h.stages.bm25!.rank, i + 1);
        assert.equal(h.stages.bm25!.score, h.score);
        assert.ok(h.score > 0);
        if (i > 0) assert.ok(h.score <= hits[i - 1]!.score);
      });
      assert.deepEqual(hits[0]!.document, { id: 'd0', title: 'Title d0', source: 'src/d0.md', collection: 'even' });
      assert.deepEqual(await store.searchKeyword({ tenant, query: 'the of and', topK: 10 }), [], 'stop words alone match nothing');
      assert.equal((await store.searchKeyword({ tenant, query: 'apple', topK: 2 })).length, 2);
    }));

  it('analyzes queries like documents (stemming) and weighs rare terms higher', () =>
    withStore(create, async (store) => {
      await store.commit({
        tenant,
        writes: [
          makeWrite({ id: 'run', paragraphs: ['She runs daily.'] }),
          makeWrite({ id: 'common1', paragraphs: ['common word here'] }),
          makeWrite({ id: 'common2', paragraphs: ['common word there'] }),
          makeWrite({ id: 'common3', paragraphs: ['common stuff'] }),
          makeWrite({ id: 'rare', paragraphs: ['rareword stuff'] }),
        ],
      });
      assert.deepEqual((await store.searchKeyword({ tenant, query: 'running', topK: 5 })).map((h) => h.document.id), ['run']);
      assert.equal((await store.searchKeyword({ tenant, query: 'common rareword', topK: 5 }))[0]!.document.id, 'rare');
    }));

  it('honours per-search BM25 parameters', () =>
    withStore(create, async (store) => {
      const long = ['kiwi kiwi', ...Array(38).fill('pad')].join(' ');
      await store.commit({ tenant, writes: [makeWrite({ id: 'short', paragraphs: ['kiwi pad'] }), makeWrite({ id: 'long', paragraphs: [long] })] });
      const top = async (b: number) => (await store.searchKeyword({ tenant, query: 'kiwi', topK: 1, bm25: { k1: 0.9, b } }))[0]!.document.id;
      assert.equal(await top(0), 'long');
      assert.equal(await top(1), 'short');
    }));

  for (const [name, filter, topK, matches] of filterCases) {
    const expected = matches.slice(0, topK);
    it(`filters inside the search: ${name}`, () =>
      withStore(create, async (store) => {
        await seedRanked(store);
        const kw = await store.searchKeyword({ tenant, query: 'apple', topK, filter });
        assert.deepEqual(kw.map((h) => h.document.id), expected, 'keyword');
        if (hasVectors(store)) {
          const vec = await store.searchVector({ tenant, vector: Float32Array.from([1, 0]), topK, filter });
          assert.deepEqual(vec.map((h) => h.document.id), expected, 'vector');
        }
        const docs = await store.listDocuments({ tenant, filter });
        assert.deepEqual(docs.map((d) => d.id), matches, 'listDocuments');
      }));
  }

  it('rejects unknown filter operators', () =>
    withStore(create, async (store) => {
      await seedRanked(store);
      await rejectsWithCode(store.searchKeyword({ tenant, query: 'apple', topK: 1, filter: { rank: { near: 1 } as never } }), 'INVALID_ARGUMENT');
    }));

  it('finds nearest chunks by cosine similarity', (t) =>
    withStore(create, async (store) => {
      if (!hasVectors(store)) return t.skip('keyword-only store: no vector search');
      await store.commit({
        tenant,
        writes: [
          makeWrite({ id: 'x', paragraphs: ['along x', 'diagonal'], vectors: [[10, 0, 0], [1, 1, 0]] }),
          makeWrite({ id: 'y', paragraphs: ['along y'], vectors: [[0, 0.5, 0]] }),
          makeWrite({ id: 'none', paragraphs: ['no vector here'] }),
          makeWrite({ id: 'p', paragraphs: ['child near z'], vectors: [[0, 0, 1]], parent: true }),
        ],
      });
      const hits = await store.searchVector({ tenant, vector: Float32Array.from([2, 0.2, 0]), topK: 10 });
      assert.deepEqual(hits.map((h) => h.chunk.text), ['along x', 'diagonal', 'along y', 'child near z']);
      const expected = 2 / Math.hypot(2, 0.2);
      assert.ok(Math.abs(hits[0]!.score - expected) < 1e-5, `cosine ${hits[0]!.score} ≈ ${expected}`);
      assert.deepEqual(hits.map((h) => h.stages.vector!.rank), [1, 2, 3, 4]);
      assert.ok(hits.every((h) => h.chunk.role === 'leaf' && h.score === h.stages.vector!.score));
      assert.equal((await store.searchVector({ tenant, vector: Float32Array.from([0, 1, 0]), topK: 1 }))[0]!.chunk.text, 'along y');
      await rejectsWithCode(store.searchVector({ tenant, vector: Float32Array.from([1, 0]), topK: 1 }), 'EMBEDDING_MISMATCH');
      const withVectors = await store.searchVector({ tenant, vector: Float32Array.from([0, 1, 0]), topK: 2, includeVectors: true });
      assert.deepEqual([...withVectors[0]!.vector!], [0, 0.5, 0], 'the stored vector, as written');
      assert.equal(hits[0]!.vector, undefined, 'vectors only when asked');
    }));

  it('reports keyword query stats when implemented (terms and the BM25 supremum)', () =>
    withStore(create, async (store) => {
      if (!store.keywordQueryStats) return;
      await store.commit({ tenant, writes: [makeWrite({ id: 'a', paragraphs: ['Cats chase mice.'] }), makeWrite({ id: 'b', paragraphs: ['Dogs chase cats.'] })] });
      const stats = await store.keywordQueryStats({ tenant, query: 'The cats chased unicorns', bm25: { k1: 1 } });
      assert.deepEqual(stats.terms, ['cat', 'chase', 'unicorn']);
      const idf = Math.log(1 + (2 - 2 + 0.5) / (2 + 0.5));
      assert.ok(Math.abs(stats.maxScore - 2 * idf * 2) < 1e-9, `${stats.maxScore}`);
      const top = (await store.searchKeyword({ tenant, query: 'The cats chased unicorns', topK: 1, bm25: { k1: 1 } }))[0]!;
      assert.ok(top.score <= stats.maxScore);
      assert.equal((await store.keywordQueryStats({ tenant: 'empty', query: 'cats' })).maxScore, 0);
    }));
}
