/**
 * Conformance for document permissions: a principal sees exactly the documents whose access list names it or one
 * of its groups, or that have none — through keyword and vector search (exact and approximate), with filters,
 * in list/show/chunk reads, after an ACL update, after a new version and after deletion. No principal: all.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AccessList, Principal } from '../../spec/access.js';
import type { Store } from '../../spec/store.js';
import { clusteredVectors } from './approximate-cases.js';
import { hasVectors, makeWrite, rejectsWithCode, withStore } from './fixtures.js';

const tenant = 'acl';
const docs: Array<{ id: string; acl?: AccessList; team: string; vector: number[] }> = [
  { id: 'open', team: 'a', vector: [1, 0, 0, 0] },
  { id: 'alice', acl: { principals: ['user:alice'], groups: [] }, team: 'a', vector: [0.9, 0.1, 0, 0] },
  { id: 'eng', acl: { principals: [], groups: ['eng'] }, team: 'b', vector: [0.8, 0.2, 0, 0] },
  { id: 'bob-or-eng', acl: { principals: ['user:bob'], groups: ['eng'] }, team: 'a', vector: [0.7, 0.3, 0, 0] },
  { id: 'empty', acl: { principals: [], groups: [] }, team: 'b', vector: [0.6, 0.4, 0, 0] },
  { id: 'carol', acl: { principals: ['user:carol'], groups: ['ops'] }, team: 'b', vector: [0.5, 0.5, 0, 0] },
];
const alice: Principal = { id: 'user:alice' };
const bob: Principal = { id: 'user:bob', groups: ['eng'] };
const dave: Principal = { id: 'user:dave', groups: ['eng', 'ops'] };
const nobody: Principal = { id: 'user:nobody', groups: [] };
/** What each principal may read, by the rule (sorted ids). */
const sees = new Map<Principal, string[]>([
  [alice, ['alice', 'empty', 'open']],
  [bob, ['bob-or-eng', 'empty', 'eng', 'open']],
  [dave, ['bob-or-eng', 'carol', 'empty', 'eng', 'open']],
  [nobody, ['empty', 'open']],
]);
const all = docs.map((d) => d.id).sort();

async function seed(store: Store, t = tenant): Promise<void> {
  const writes = docs.map((d) => ({ ...makeWrite({ id: d.id, paragraphs: [`quarterly report ${d.id}`, `budget numbers ${d.id}`], vectors: [d.vector, d.vector], metadata: { team: d.team }, parent: true }), ...(d.acl ? { acl: d.acl } : {}) }));
  await store.commit({ tenant: t, writes });
}

const sorted = (ids: string[]) => [...new Set(ids)].sort();
const keyword = async (store: Store, principal?: Principal, filter?: Record<string, unknown>, topK = 50) =>
  (await store.searchKeyword({ tenant, query: 'quarterly budget', topK, ...(principal ? { principal } : {}), ...(filter ? { filter: filter as never } : {}) })).map((h) => h.document.id);
const vector = async (store: Store, principal?: Principal, filter?: Record<string, unknown>, topK = 50) =>
  (await store.searchVector({ tenant, vector: Float32Array.from([1, 0, 0, 0]), topK, ...(principal ? { principal } : {}), ...(filter ? { filter: filter as never } : {}) })).map((h) => h.document.id);

export function aclCases(create: () => Promise<Store>, approximate?: () => Promise<Store>): void {
  it('search: a principal sees exactly the documents naming it, one of its groups, or no one; no principal sees all', () =>
    withStore(create, async (store) => {
      await seed(store);
      assert.deepEqual(sorted(await keyword(store)), all);
      if (hasVectors(store)) assert.deepEqual(sorted(await vector(store)), all);
      for (const [principal, expected] of sees) {
        assert.deepEqual(sorted(await keyword(store, principal)), expected, `keyword as ${principal.id}`);
        if (hasVectors(store)) assert.deepEqual(sorted(await vector(store, principal)), expected, `vector as ${principal.id}`);
      }
    }));

  it('search: the access list acts inside the search — topK counts only readable hits, and filters combine with it', () =>
    withStore(create, async (store) => {
      await seed(store);
      // Six of the top eight vector hits are unreadable for nobody: truncating then filtering would return too few.
      if (hasVectors(store)) {
        const v = await vector(store, nobody, undefined, 4);
        assert.equal(v.length, 4, 'four readable chunks at topK 4');
        assert.deepEqual(sorted(v), ['empty', 'open']);
      }
      const k = await keyword(store, nobody, undefined, 4);
      assert.equal(k.length, 4);
      assert.deepEqual(sorted(k), ['empty', 'open']);
      assert.deepEqual(sorted(await keyword(store, bob, { team: 'a' })), ['bob-or-eng', 'open']);
      if (hasVectors(store)) assert.deepEqual(sorted(await vector(store, dave, { team: 'b' })), ['carol', 'empty', 'eng']);
      assert.deepEqual(sorted((await store.listDocuments({ tenant, principal: alice, filter: { team: 'a' } })).map((d) => d.id)), ['alice', 'open']);
    }));

  it('reads: list, show, versions and chunks by id hide what the principal may not read; documents carry their ACL', () =>
    withStore(create, async (store) => {
      await seed(store);
      for (const [principal, expected] of sees) {
        assert.deepEqual((await store.listDocuments({ tenant, principal })).map((d) => d.id), expected, `list as ${principal.id}`);
      }
      assert.equal(await store.getDocument({ tenant, id: 'carol', principal: alice }), undefined, 'show: not found, not forbidden');
      assert.deepEqual((await store.getDocument({ tenant, id: 'carol', principal: dave }))?.acl, { principals: ['user:carol'], groups: ['ops'] });
      assert.equal((await store.getDocument({ tenant, id: 'open' }))?.acl, undefined, 'no ACL: open');
      assert.deepEqual(await store.listVersions({ tenant, documentId: 'carol', principal: alice }), []);
      assert.deepEqual(await store.listChunks({ tenant, documentId: 'carol', principal: alice }), []);
      const carolChunks = await store.listChunks({ tenant, documentId: 'carol' });
      assert.equal(carolChunks.length, 3, 'the trusted caller reads the parent and both leaves');
      const ids = carolChunks.map((c) => c.id);
      assert.deepEqual(await store.getChunks({ tenant, ids, principal: alice }), [], 'parent and leaf chunks by id are hidden too');
      assert.equal((await store.getChunks({ tenant, ids, principal: dave })).length, 3);
    }));

  it('updates: setDocumentAcl changes who sees a document at once (no re-ingest); a new version keeps the ACL unless the write sets one', () =>
    withStore(create, async (store) => {
      await seed(store);
      assert.ok(!(await keyword(store, alice)).includes('carol'));
      assert.equal(await store.setDocumentAcl({ tenant, id: 'carol', acl: { principals: ['user:alice'], groups: [] } }), true);
      assert.ok((await keyword(store, alice)).includes('carol'), 'keyword sees the new ACL');
      if (hasVectors(store)) assert.ok((await vector(store, alice)).includes('carol'), 'vector sees the new ACL');
      assert.ok(!(await (hasVectors(store) ? vector : keyword)(store, dave)).includes('carol'), 'the old group no longer grants');
      assert.equal(await store.setDocumentAcl({ tenant, id: 'missing', acl: undefined }), false);
      await store.setDocumentAcl({ tenant, id: 'carol', acl: undefined });
      assert.ok((await keyword(store, nobody)).includes('carol'), 'undefined opens the document');
      await store.setDocumentAcl({ tenant, id: 'open', acl: { principals: ['user:bob'], groups: [] } });
      await store.commit({ tenant, writes: [makeWrite({ id: 'open', paragraphs: ['quarterly report open v2'], vectors: [[1, 0, 0, 0]] })] });
      assert.deepEqual((await store.getDocument({ tenant, id: 'open' }))?.acl, { principals: ['user:bob'], groups: [] }, 'a new version keeps the ACL');
      assert.ok(!(await keyword(store, alice)).includes('open'));
      const unchanged = { ...makeWrite({ id: 'open', paragraphs: ['quarterly report open v2'], vectors: [[1, 0, 0, 0]] }), acl: { principals: [], groups: ['eng'] } };
      const { results } = await store.commit({ tenant, writes: [unchanged] });
      assert.equal(results[0]!.status, 'unchanged');
      assert.deepEqual((await store.getDocument({ tenant, id: 'open' }))?.acl, { principals: [], groups: ['eng'] }, 'an unchanged write with an ACL replaces it');
      assert.ok((await (hasVectors(store) ? vector : keyword)(store, dave)).includes('open'));
      assert.ok(!(await (hasVectors(store) ? vector : keyword)(store, alice)).includes('open'));
    }));

  it('deletion removes the access list: a document re-created with the same id is open; tenants do not share ACLs', () =>
    withStore(create, async (store) => {
      await seed(store);
      await seed(store, 'other');
      await store.deleteDocuments({ tenant, ids: ['carol'] });
      assert.ok(!(await keyword(store, dave)).includes('carol'));
      await store.commit({ tenant, writes: [makeWrite({ id: 'carol', paragraphs: ['quarterly again'], vectors: [[0.5, 0.5, 0, 0]] })] });
      assert.equal((await store.getDocument({ tenant, id: 'carol' }))?.acl, undefined);
      assert.ok((await keyword(store, nobody)).includes('carol'));
      const other = await store.searchKeyword({ tenant: 'other', query: 'quarterly', topK: 50, principal: nobody });
      assert.deepEqual(sorted(other.map((h) => h.document.id)), ['empty', 'open'], 'the other tenant keeps its own ACLs');
    }));

  it('rejects a malformed principal instead of widening the read', () =>
    withStore(create, async (store) => {
      await seed(store);
      await rejectsWithCode(store.searchKeyword({ tenant, query: 'quarterly', topK: 5, principal: { id: '' } }), 'INVALID_ARGUMENT');
      await rejectsWithCode(store.listDocuments({ tenant, principal: { id: 'user:x', groups: 'eng' as never } }), 'INVALID_ARGUMENT');
    }));

  if (approximate) {
    it('approximate vector search: a principal gets k readable hits (inside the search), whether it reads a few or many', () =>
      withStore(approximate, async (store) => {
        const vectors = clusteredVectors(400, 11);
        const acl = (i: number): AccessList | undefined => (i % 3 === 0 ? undefined : i % 3 === 1 ? { principals: ['user:alice'], groups: [] } : { principals: [], groups: [i % 40 === 2 ? 'rare' : 'eng'] });
        const writes = vectors.map((v, i) => ({ ...makeWrite({ id: `v${i}`, paragraphs: [`vector document ${i}`], vectors: [v] }), ...(acl(i) ? { acl: acl(i)! } : {}) }));
        for (let i = 0; i < writes.length; i += 200) await store.commit({ tenant, writes: writes.slice(i, i + 200) });
        const readable = (p: Principal) => (i: number) => {
          const a = acl(i);
          return !a || a.principals.includes(p.id) || a.groups.some((g) => p.groups?.includes(g));
        };
        const rare: Principal = { id: 'user:rare', groups: ['rare'] };
        for (const q of clusteredVectors(5, 3)) {
          for (const p of [alice, bob, rare]) {
            const hits = (await store.searchVector({ tenant, vector: Float32Array.from(q), topK: 10, principal: p })).map((h) => Number(h.document.id.slice(1)));
            const allowed = vectors.map((_, i) => i).filter(readable(p));
            assert.equal(hits.length, Math.min(10, allowed.length), `${p.id}: k readable hits`);
            assert.ok(hits.every(readable(p)), `${p.id}: only readable hits`);
          }
        }
      }));
  }
}
