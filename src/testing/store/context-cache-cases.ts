/** Conformance: the contextual-retrieval context cache (optional Store methods), including deletion. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { makeWrite, rejectsWithCode, withStore } from './fixtures.js';

const tenant = 'ctx';

export function contextCacheCases(create: () => Promise<Store>): void {
  it('caches contexts by key, per tenant, replacing on put', () =>
    withStore(create, async (store) => {
      if (!store.getCachedContexts || !store.putCachedContexts) return;
      assert.deepEqual(await store.getCachedContexts({ tenant, keys: ['k1'] }), new Map());
      await store.putCachedContexts({
        tenant,
        entries: [
          { key: 'k1', documentId: 'a', context: 'About the harbour.', model: 'm' },
          { key: 'k2', documentId: 'a', context: 'About the lighthouse.', model: 'm' },
        ],
      });
      await store.putCachedContexts({ tenant, entries: [{ key: 'k2', documentId: 'a', context: 'Replaced.', model: 'm2' }] });
      assert.deepEqual(await store.getCachedContexts({ tenant, keys: ['k1', 'k2', 'missing'] }), new Map([['k1', 'About the harbour.'], ['k2', 'Replaced.']]));
      assert.deepEqual(await store.getCachedContexts({ tenant: 'other', keys: ['k1'] }), new Map(), 'tenants do not share a cache');
      await rejectsWithCode(store.putCachedContexts({ tenant, entries: [{ key: '', documentId: 'a', context: 'x', model: 'm' }] }), 'INVALID_ARGUMENT');
    }));

  it('deleting a document removes its cached contexts (stored or not), and only its own', () =>
    withStore(create, async (store) => {
      if (!store.getCachedContexts || !store.putCachedContexts) return;
      await store.commit({ tenant, writes: [makeWrite({ id: 'a', paragraphs: ['Harbour text.'] }), makeWrite({ id: 'b', paragraphs: ['Other text.'] })] });
      await store.putCachedContexts({
        tenant,
        entries: [
          { key: 'ka', documentId: 'a', context: 'Context of a.', model: 'm' },
          { key: 'kb', documentId: 'b', context: 'Context of b.', model: 'm' },
          { key: 'kn', documentId: 'never-stored', context: 'Context of a document not committed yet.', model: 'm' },
        ],
      });
      await store.deleteDocuments({ tenant, ids: ['a', 'never-stored'] });
      assert.deepEqual(await store.getCachedContexts({ tenant, keys: ['ka', 'kb', 'kn'] }), new Map([['kb', 'Context of b.']]));
    }));
}
