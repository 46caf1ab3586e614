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

  it('decides near duplicates (shared LSH band, estimated Jaccard over the threshold) inside the commit', () =>
    withStore(create, async (store) => {
      const sig = (values: number[], bands: string[]) => ({ values, bands });
      const near = (id: string, text: string, threshold: number, values: number[], bands: string[]) => ({
        ...makeWrite({ id, paragraphs: [text], signature: sig(values, bands) }),
        skipIfDuplicate: true,
        nearDuplicateThreshold: threshold,
      });
      await store.commit({ tenant, writes: [makeWrite({ id: 'orig', paragraphs: ['The original walrus text.'], signature: sig([1, 2, 3, 4, 5, 6, 7, 8], ['0:a', '1:b']) })] });
      // 6 of 8 positions equal (0.75), one shared band: a near duplicate at 0.7, stored at 0.9.
      const [d] = (await store.commit({ tenant, writes: [near('n1', 'The original walrus text, edited.', 0.7, [1, 2, 3, 4, 5, 6, 0, 0], ['0:a', '1:x'])] })).results;
      assert.deepEqual([d!.status, d!.duplicateOf, d!.similarity, d!.chunks], ['duplicate', 'orig', 0.75, 0]);
      assert.equal(await store.getDocument({ tenant, id: 'n1' }), undefined);
      const [s] = (await store.commit({ tenant, writes: [near('n2', 'The original walrus text, edited twice.', 0.9, [1, 2, 3, 4, 5, 6, 0, 0], ['0:a', '1:y'])] })).results;
      assert.equal(s!.status, 'created');
      // No shared band: never a candidate, however similar.
      assert.equal((await store.commit({ tenant, writes: [near('n3', 'Walrus text three.', 0.1, [1, 2, 3, 4, 5, 6, 7, 8], ['0:q', '1:r'])] })).results[0]!.status, 'created');
      // Within one batch: the second of two near-identical writes is the duplicate of the first (seen inside the transaction).
      const pair = [near('b1', 'Batch text one.', 0.8, [9, 9, 9, 9, 9, 9, 9, 9], ['0:z']), near('b2', 'Batch text two.', 0.8, [9, 9, 9, 9, 9, 9, 9, 1], ['0:z'])];
      const results = (await store.commit({ tenant, writes: pair })).results;
      assert.deepEqual(results.map((x) => [x.status, x.duplicateOf]), [['created', undefined], ['duplicate', 'b1']]);
      // Another tenant's documents never count.
      assert.equal((await store.commit({ tenant: 'other', writes: [near('n1', 'The original walrus text, edited.', 0.7, [1, 2, 3, 4, 5, 6, 0, 0], ['0:a', '1:x'])] })).results[0]!.status, 'created');
    }));
}
