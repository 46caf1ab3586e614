/**
 * The pg_textsearch keyword mode on PGlite (WASM Postgres 18 with pg_textsearch and pgvector, through `pg` over
 * pglite-socket): ranking by the tenant's bm25 index, tenancy, access lists that do not starve results, superseded
 * versions, and per-search k1/b falling back to the postings (scores identical to the postings mode).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { makeWrite } from '../../testing/store/fixtures.js';
import { startPglite, type PgliteServer } from '../../testing/postgres/start-pglite.js';
import { createPostgresStore } from './postgres-store.js';

let server: PgliteServer;
let n = 0;
const open = (keyword: 'postings' | 'pg_textsearch' = 'pg_textsearch') => createPostgresStore({ connectionString: server.connectionString, schema: `ts_${n++}`, maxConnections: 1, keyword });
async function using<T>(store: Promise<Store>, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await store;
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

describe('postgres keyword mode pg_textsearch (PGlite)', () => {
  before(async () => (server = await startPglite({ textsearch: true })));
  after(() => server.stop());

  it('ranks with the tenant’s bm25 index, per-tenant statistics, never another tenant’s chunks', () =>
    using(open(), async (store) => {
      const writes = [
        makeWrite({ id: 'a', paragraphs: ['Apples grow on apple trees in the orchard.'] }),
        makeWrite({ id: 'b', paragraphs: ['A single apple and many pears.'] }),
        makeWrite({ id: 'c', paragraphs: ['Nothing about fruit here at all.'] }),
      ];
      await store.commit({ tenant: 't1', writes });
      await store.commit({ tenant: 't2', writes: [makeWrite({ id: 'b', paragraphs: ['A single apple and many pears.'] }), ...['x', 'y', 'z'].map((id) => makeWrite({ id, paragraphs: [`apple ${id} apple`] }))] });
      const hits = await store.searchKeyword({ tenant: 't1', query: 'apple orchards', topK: 10 });
      assert.deepEqual(hits.map((h) => h.document.id), ['a', 'b']);
      assert.ok(hits[0]!.score > hits[1]!.score && hits[1]!.score > 0);
      assert.deepEqual(hits.map((h) => h.stages.bm25!.rank), [1, 2]);
      const other = await store.searchKeyword({ tenant: 't2', query: 'apple orchards', topK: 10 });
      assert.deepEqual(other.map((h) => h.document.id).sort(), ['b', 'x', 'y', 'z']);
      // The same chunk text scores differently: 'apple' is in 4 of 4 chunks of t2, 2 of 3 of t1 (idf per tenant).
      assert.notEqual(other.find((h) => h.document.id === 'b')!.score, hits[1]!.score);
    }));

  it('keeps k hits under a selective access list and filter (1 document in 20 readable)', () =>
    using(open(), async (store) => {
      const writes = Array.from({ length: 200 }, (_, i) => ({
        ...makeWrite({ id: `d${String(i).padStart(3, '0')}`, paragraphs: [`apple ${'pear '.repeat(i % 9)}orchard ${i}`], metadata: { team: i % 40 === 0 ? 'red' : 'blue' } }),
        acl: i % 20 === 0 ? { principals: [], groups: ['eng'] } : { principals: ['user:owner'], groups: [] },
      }));
      await store.commit({ tenant: 't', writes });
      const principal = { id: 'user:x', groups: ['eng'] };
      const hits = await store.searchKeyword({ tenant: 't', query: 'apple', topK: 10, principal });
      assert.equal(hits.length, 10);
      assert.ok(hits.every((h) => Number(h.document.id.slice(1)) % 20 === 0), 'only readable documents');
      const red = await store.searchKeyword({ tenant: 't', query: 'apple', topK: 10, principal, filter: { team: 'red' } });
      assert.deepEqual(red.map((h) => h.document.id).sort(), ['d000', 'd040', 'd080', 'd120', 'd160']);
      assert.equal((await store.searchKeyword({ tenant: 't', query: 'apple', topK: 500 })).length, 200);
    }));

  it('finds only current versions; a deleted document is gone', () =>
    using(open(), async (store) => {
      await store.commit({ tenant: 't', writes: [makeWrite({ id: 'a', paragraphs: ['zebra crossing'] }), makeWrite({ id: 'b', paragraphs: ['zebra stripes'] })] });
      await store.commit({ tenant: 't', writes: [makeWrite({ id: 'a', paragraphs: ['yak wool'] })] });
      assert.deepEqual((await store.searchKeyword({ tenant: 't', query: 'zebra', topK: 5 })).map((h) => h.document.id), ['b']);
      assert.deepEqual((await store.searchKeyword({ tenant: 't', query: 'yak', topK: 5 })).map((h) => h.document.id), ['a']);
      await store.deleteDocuments({ tenant: 't', ids: ['b'] });
      assert.deepEqual(await store.searchKeyword({ tenant: 't', query: 'zebra', topK: 5 }), []);
    }));

  it('a tenant written in the postings mode is searched over the postings (complete), not the index that lacks its chunks', async () => {
    const schema = `ts_${n++}`;
    const at = (keyword: 'postings' | 'pg_textsearch') => createPostgresStore({ connectionString: server.connectionString, schema, maxConnections: 1, keyword });
    const writes = ['river stone', 'stone maple', 'maple cloud river'].map((t, i) => makeWrite({ id: `d${i}`, paragraphs: [t] }));
    const before = await using(at('postings'), async (s) => {
      await s.commit({ tenant: 't', writes });
      return (await s.searchKeyword({ tenant: 't', query: 'river', topK: 5 })).map((h) => [h.document.id, h.score]);
    });
    assert.equal(before.length, 2);
    await using(at('pg_textsearch'), async (s) => {
      assert.deepEqual((await s.searchKeyword({ tenant: 't', query: 'river', topK: 5 })).map((h) => [h.document.id, h.score]), before, 'postings scores, every chunk found');
      // One new document written in this mode: the older chunks still have no index text, so still the postings.
      await s.commit({ tenant: 't', writes: [makeWrite({ id: 'd9', paragraphs: ['river delta'] })] });
      assert.deepEqual((await s.searchKeyword({ tenant: 't', query: 'river', topK: 5 })).map((h) => h.document.id).sort(), ['d0', 'd2', 'd9']);
      // Re-written in this mode (deleted, ingested again): the index ranks, with its own scores.
      await s.deleteDocuments({ tenant: 't', ids: ['d0', 'd1', 'd2'] });
      await s.commit({ tenant: 't', writes });
      const hits = await s.searchKeyword({ tenant: 't', query: 'river', topK: 5 });
      assert.deepEqual(hits.map((h) => h.document.id).sort(), ['d0', 'd2', 'd9']);
      const postings = await using(open('postings'), async (p) => {
        await p.commit({ tenant: 't', writes: [...writes, makeWrite({ id: 'd9', paragraphs: ['river delta'] })] });
        return (await p.searchKeyword({ tenant: 't', query: 'river', topK: 5 })).map((h) => [h.document.id, h.score]);
      });
      assert.notDeepEqual(hits.map((h) => [h.document.id, h.score]).sort(), postings.sort(), 'the bm25 index scores now');
    });
  });

  it('scores per-search k1/b over the postings, as the postings mode does', async () => {
    const writes = ['river stone', 'stone stone maple', 'maple cloud river river'].map((t, i) => makeWrite({ id: `d${i}`, paragraphs: [t] }));
    const scores = async (keyword: 'postings' | 'pg_textsearch') =>
      using(open(keyword), async (s) => {
        await s.commit({ tenant: 't', writes });
        return (await s.searchKeyword({ tenant: 't', query: 'river stone', topK: 5, bm25: { k1: 1.2, b: 0.75 } })).map((h) => [h.document.id, h.score]);
      });
    assert.deepEqual(await scores('pg_textsearch'), await scores('postings'));
  });
});
