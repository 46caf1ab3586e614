/**
 * Two-hop retrieval on a real SQLite store: the answer passage shares no word with the question, only the
 * bridge entity that the first hop's passage names. Single-hop misses it; hop 2 (question + bridge, or a
 * model's decomposition) finds it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../spec/store.js';
import { createMockChatModel } from '../testing/index.js';
import { bridgeDocs, bridgeQuestion, openBridgeStore } from '../testing/retrieval/bridge-corpus.js';
import { proposeBridgeEntities, retrieve } from './index.js';

const docs = bridgeDocs(['bakery', 'tram', 'glacier', 'orchard', 'lighthouse', 'violin'], [
  { id: 'library', title: 'City library', text: 'The new city library was designed by a young architect in 1950.' },
  { id: 'museum', title: 'Museum', text: 'The museum architect designed a hall along the harbour.' },
]);
const question = bridgeQuestion;
const ids = (hits: { document: { id: string } }[]) => hits.map((h) => h.document.id);

describe('multi-hop retrieval', () => {
  let store: Store;
  before(async () => {
    store = await openBridgeStore(docs);
  });
  after(() => store.close());

  it('single-hop misses the answer passage; two hops find it through the bridge entity', async () => {
    const single = await retrieve({ store, tenant: 't', query: question, topK: 3 });
    assert.equal(ids(single.hits)[0], 'lumen');
    assert.ok(!ids(single.hits).includes('velik'), `single hop: ${ids(single.hits).join(', ')}`);

    const { hits, trace } = await retrieve({ store, tenant: 't', query: question, topK: 3, hops: 2 });
    assert.deepEqual(ids(hits).slice(0, 2), ['lumen', 'velik']);
    assert.equal(trace.hops?.[1]?.entities?.[0], 'Mara Velik');
    assert.equal(trace.hops![1]!.query, 'Mara Velik river runs through hometown');
    assert.deepEqual(trace.stages.map((s) => [s.name, s.hop]), [['bm25', 1], ['bridge', 2], ['bm25', 2], ['hops', undefined]]);
    assert.deepEqual(hits[1]!.stages.hop2, { score: hits[1]!.stages.bm25!.score, rank: 1 });
    assert.equal(hits[1]!.stages.hops!.rank, 2);
  });

  it('a configured model decomposes the question instead', async () => {
    const model = createMockChatModel({ reply: 'Mara Velik childhood town' });
    const { hits, trace } = await retrieve({ store, tenant: 't', query: question, topK: 2, hops: 2, multiHop: { decomposer: model } });
    assert.equal(model.calls.length, 1);
    assert.match(model.calls[0]!.messages[1]!.content, /designed by the architect Mara Velik/);
    assert.deepEqual(ids(hits), ['lumen', 'velik']);
    assert.deepEqual(trace.hops?.[1], { hop: 2, query: 'Mara Velik childhood town', count: 1 });
    assert.ok(trace.stages.some((s) => s.name === 'decompose' && s.hop === 2));
  });

  it('without a second query (model says NONE), hop 1 is the result', async () => {
    const single = await retrieve({ store, tenant: 't', query: question, topK: 3 });
    const { hits, trace } = await retrieve({ store, tenant: 't', query: question, topK: 3, hops: 2, multiHop: { decomposer: createMockChatModel({ reply: 'NONE' }) } });
    assert.deepEqual(ids(hits), ids(single.hits));
    assert.equal(trace.hops?.[1]?.query, null);
  });

  it('rejects an unknown hop count with a typed error', async () => {
    await assert.rejects(retrieve({ store, tenant: 't', query: question, hops: 3 as 2 }), { code: 'INVALID_ARGUMENT', message: /hops must be 1 or 2/ });
  });
});

describe('proposeBridgeEntities', () => {
  it('proposes capitalised phrases and titles the question does not name, best passage first', () => {
    const hit = (id: string, title: string, text: string) => ({ chunk: { id, text, headingPath: [] }, document: { id, title, source: '', collection: '' }, score: 1, stages: {} }) as never;
    const entities = proposeBridgeEntities({
      question: 'Who founded the Bank of Nordhaven?',
      hits: [hit('a', 'Bank of Nordhaven', 'The Bank of Nordhaven was founded by Ilse Marten in Kiel.'), hit('b', 'Harbour', 'In 1900 the Harbour Office of Kiel opened.')],
      limit: 3,
    });
    assert.deepEqual(entities, ['Ilse Marten', 'Kiel', 'Harbour']);
  });
});
