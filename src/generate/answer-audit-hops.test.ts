/**
 * A multi-hop `ask` writes each hop (its query, hit count and bridge entities) into its audit entry, so the log
 * says how a two-hop answer was found; a single-hop answer's entry has no hops.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../spec/store.js';
import type { HopTrace } from '../spec/retrieve.js';
import { bridgeDocs, bridgeQuestion, openBridgeStore } from '../testing/retrieval/bridge-corpus.js';
import { answer } from './answer.js';

const docs = bridgeDocs(['bakery', 'tram', 'glacier', 'orchard']);
const question = bridgeQuestion;

describe('ask audit entry of a multi-hop answer', () => {
  let store: Store;
  before(async () => {
    store = await openBridgeStore(docs);
  });
  after(() => store.close());

  it('carries trace.hops (each hop\'s query, count and bridge entities) in metadata.retrieval', async () => {
    const a = await answer({ store, tenant: 't', question, retrieval: { topK: 3, hops: 2 }, abstention: { minSufficiency: 0 }, _internal: { generateId: () => 'q_hops', now: () => 1 } });
    assert.equal(a.trace?.hops?.length, 2);
    const [entry] = await store.listQueryLog({ tenant: 't' });
    const retrieval = (entry!.metadata as { retrieval?: { hops?: HopTrace[] } }).retrieval;
    assert.deepEqual(retrieval?.hops, a.trace!.hops);
    assert.equal(retrieval!.hops![0]!.query, question);
    assert.equal(retrieval!.hops![1]!.query, 'Mara Velik river runs through hometown');
    assert.deepEqual(retrieval!.hops![1]!.entities?.slice(0, 1), ['Mara Velik']);
    assert.ok(entry!.retrieved.some((r) => r.documentId === 'velik' && r.stages.hop2), 'the hop-2 hit is logged with its hop rank');
  });

  it('a single-hop answer logs no hops', async () => {
    await answer({ store, tenant: 't', question: 'When did the Lumen Library open?', abstention: { minSufficiency: 0 }, _internal: { generateId: () => 'q_one', now: () => 2 } });
    const entry = (await store.listQueryLog({ tenant: 't' })).find((e) => e.id === 'q_one');
    assert.equal((entry!.metadata as { retrieval?: { hops?: unknown } }).retrieval?.hops, undefined);
  });
});
