/** Conformance: `skipIfDuplicate` is decided by the store inside the commit, against every current document. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { makeWrite, withStore } from './fixtures.js';

const tenant = 'dup';

export function dedupCases(create: () => Promise<Store>): void {
  it('stores nothing for a skipIfDuplicate write whose content another current document has', () =>
    withStore(create, async (store) => {
      await store.commit({ tenant, writes: [makeWrite({ id: 'first', paragraphs: ['Same words in two files.'] })] });
      const dup = { ...makeWrite({ id: 'second', paragraphs: ['Same words in two files.'] }), skipIfDuplicate: true };
      const [r] = (await store.commit({ tenant, writes: [dup] })).results;
      assert.deepEqual([r!.status, r!.duplicateOf, r!.chunks], ['duplicate', 'first', 0]);
      assert.equal(await store.getDocument({ tenant, id: 'second' }), undefined);
      assert.equal((await store.searchKeyword({ tenant, query: 'same words', topK: 5 })).length, 1);

      // Within one batch: the first of two equal writes is stored, the second is the duplicate.
      const pair = ['p1', 'p2'].map((id) => ({ ...makeWrite({ id, paragraphs: ['A pair of equal texts.'] }), skipIfDuplicate: true }));
      assert.deepEqual((await store.commit({ tenant, writes: pair })).results.map((x) => x.status), ['created', 'duplicate']);

      // An update whose new content equals another document is skipped too; the old version stays current.
      const other = makeWrite({ id: 'third', paragraphs: ['Third original text.'] });
      await store.commit({ tenant, writes: [other] });
      const [u] = (await store.commit({ tenant, writes: [{ ...makeWrite({ id: 'third', paragraphs: ['Same words in two files.'] }), skipIfDuplicate: true }] })).results;
      assert.equal(u!.status, 'duplicate');
      assert.equal((await store.getDocument({ tenant, id: 'third' }))!.contentHash, other.contentHash);

      // Re-committing the same document is unchanged, not a duplicate of itself; without the flag a copy is stored.
      assert.equal((await store.commit({ tenant, writes: [{ ...makeWrite({ id: 'first', paragraphs: ['Same words in two files.'] }), skipIfDuplicate: true }] })).results[0]!.status, 'unchanged');
      assert.equal((await store.commit({ tenant, writes: [makeWrite({ id: 'copy', paragraphs: ['Same words in two files.'] })] })).results[0]!.status, 'created');
      // Another tenant's content never counts.
      assert.equal((await store.commit({ tenant: 'other', writes: [dup] })).results[0]!.status, 'created');
    }));
}
