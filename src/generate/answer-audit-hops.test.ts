/**
 * A multi-hop `ask` writes each hop (its query, hit count and bridge entities) into its audit entry, so the log
 * says how a two-hop answer was found; a single-hop answer's entry has no hops.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentWrite, Store } from '../spec/store.js';
import type { HopTrace } from '../spec/retrieve.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { sha256 } from '../util/hash.js';
import { answer } from './answer.js';

const docs = [
  { id: 'lumen', title: 'Lumen Library', text: 'The Lumen Library was designed by the architect Mara Velik and opened in 1931.' },
  { id: 'velik', title: 'Mara Velik', text: 'Mara Velik spent her childhood in Dornfeld, a small town on the river Isel.' },
  ...['bakery', 'tram', 'glacier', 'orchard'].map((w) => ({ id: w, title: w, text: `Notes on the ${w}: its history, its upkeep and its place in daily life.` })),
];
const write = (d: (typeof docs)[number]): DocumentWrite => ({
  document: { id: d.id, source: `${d.id}.md`, title: d.title, text: d.text, format: 'markdown', metadata: {} },
  contentHash: sha256(d.text),
  chunks: [{ text: d.text, start: 0, end: d.text.length, headingPath: [d.title], tokenCount: 12, role: 'leaf' }],
  indexTexts: [`${d.title}\n${d.text}`],
  at: 1_000,
});
const question = 'Which river runs through the hometown of the architect who designed the Lumen Library?';

describe('ask audit entry of a multi-hop answer', () => {
  let store: Store;
  before(async () => {
    store = await createSqliteStore({ path: ':memory:' });
    await store.commit({ tenant: 't', writes: docs.map(write) });
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
