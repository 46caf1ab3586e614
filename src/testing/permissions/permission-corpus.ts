/**
 * The shared fixture of the document-permission property tests (through retrieve() and through the HTTP API):
 * random documents with random access lists over four principals and three groups in two tenants, committed to a
 * store with bag-of-words vectors and a parent chunk each, random ACL updates, and the brute-force reference of
 * who may read what. Uses fast-check (a development dependency): not exported from `fathom/testing`.
 */
import fc from 'fast-check';
import type { AccessList, Principal } from '../../spec/access.js';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import type { RetrievalMode } from '../../spec/retrieve.js';
import type { Store } from '../../spec/store.js';
import { makeWrite } from '../store/fixtures.js';

export const permissionWords = ['alpha', 'bravo', 'delta', 'kilo', 'lima', 'oscar', 'tango', 'zulu'];
export const permissionTenants = ['t1', 't2'] as const;
/** The four principals the access lists name (groups g1–g3). */
export const permissionPeople: Array<Principal & { groups: string[] }> = [
  { id: 'user:u1', groups: ['g1'] },
  { id: 'user:u2', groups: ['g2', 'g3'] },
  { id: 'user:u3', groups: [] },
  { id: 'user:u4', groups: ['g1', 'g3'] },
];

/** One generated document, its tenant and id assigned, its access list kept up to date with the store's. */
export interface PermissionDoc { tenant: string; id: string; team: 'a' | 'b'; paragraphs: string[]; acl?: AccessList }

/** A generated corpus: documents per tenant (ids assigned on commit), queries, and ACL updates applied halfway. */
export interface PermissionCorpus<Q> {
  t1: DocDraft[];
  t2: DocDraft[];
  queries: Q[];
  updates: Array<{ tenant: (typeof permissionTenants)[number]; index: number; acl: AccessList | undefined }>;
}
type DocDraft = { team: 'a' | 'b'; paragraphs: string[]; acl: AccessList | undefined };

const aclArb: fc.Arbitrary<AccessList | undefined> = fc.option(
  fc.record({ principals: fc.subarray(permissionPeople.map((p) => p.id)), groups: fc.subarray(['g1', 'g2', 'g3']) }),
  { nil: undefined, freq: 3 },
);
const docArb: fc.Arbitrary<DocDraft> = fc.record({
  team: fc.constantFrom<'a' | 'b'>('a', 'b'),
  paragraphs: fc.array(fc.array(fc.constantFrom(...permissionWords), { minLength: 2, maxLength: 5 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 3 }),
  acl: aclArb,
});

/**
 * The retrieval fields of a generated query, in generation order: a word, a mode, `topK` (1–8, or 1000 for "every
 * hit"), an optional `team` filter, and whether to use MMR, reranking and parent expansion.
 */
export const permissionQueryFields = {
  word: fc.constantFrom(...permissionWords),
  mode: fc.constantFrom<RetrievalMode>('bm25', 'vector', 'hybrid'),
  topK: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant(1000)),
  team: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
  mmr: fc.boolean(),
  rerank: fc.boolean(),
  parent: fc.boolean(),
};

/** 60–90 documents in t1, 30–60 in t2, `count` queries from `query`, and 5–15 ACL updates. */
export function permissionCorpusArb<Q>(query: fc.Arbitrary<Q>, count: number): fc.Arbitrary<PermissionCorpus<Q>> {
  return fc.record({
    t1: fc.array(docArb, { minLength: 60, maxLength: 90 }),
    t2: fc.array(docArb, { minLength: 30, maxLength: 60 }),
    queries: fc.array(query, { minLength: count, maxLength: count }),
    updates: fc.array(fc.record({ tenant: fc.constantFrom(...permissionTenants), index: fc.nat(), acl: aclArb }), { minLength: 5, maxLength: 15 }),
  });
}

/** The reference: whether `principal` (undefined: the trusted caller) may read `doc`. */
export const canRead = (doc: PermissionDoc, principal: Principal | undefined): boolean =>
  !principal || !doc.acl || (doc.acl.principals.length === 0 && doc.acl.groups.length === 0) || doc.acl.principals.includes(principal.id) || doc.acl.groups.some((g) => principal.groups?.includes(g));

/** Commit both tenants' documents (ids `d0`, `d1`…, metadata `team`, a parent chunk each); returns them by `tenant/id`. */
export async function commitPermissionCorpus(o: { store: Store; embedder: EmbeddingModel; corpus: PermissionCorpus<unknown> }): Promise<Map<string, PermissionDoc>> {
  const docs = new Map<string, PermissionDoc>();
  for (const tenant of permissionTenants) {
    const list = o.corpus[tenant].map((d, i): PermissionDoc => ({ ...d, tenant, id: `d${i}` }));
    const writes = await Promise.all(list.map(async (d) => {
      const vectors = (await o.embedder.doEmbed({ values: d.paragraphs })).embeddings.map((v) => [...v]);
      return { ...makeWrite({ id: d.id, paragraphs: d.paragraphs, vectors, parent: true, metadata: { team: d.team } }), ...(d.acl ? { acl: d.acl } : {}) };
    }));
    await o.store.commit({ tenant, writes });
    for (const d of list) docs.set(`${tenant}/${d.id}`, d);
  }
  return docs;
}

/** Apply the corpus's ACL updates through the store and to the reference documents. */
export async function applyAclUpdates(o: { store: Store; docs: Map<string, PermissionDoc>; corpus: PermissionCorpus<unknown> }): Promise<void> {
  for (const u of o.corpus.updates) {
    const ofTenant = [...o.docs.values()].filter((d) => d.tenant === u.tenant);
    const doc = ofTenant[u.index % ofTenant.length]!;
    await o.store.setDocumentAcl({ tenant: u.tenant, id: doc.id, acl: u.acl });
    doc.acl = u.acl;
  }
}
