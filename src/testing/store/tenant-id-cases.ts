/** Conformance: tenant ids are validated, never normalised, on every read and write. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { collect, makeWrite, rejectsWithCode, withStore } from './fixtures.js';

/** Ids a store must refuse with INVALID_TENANT: surrounding or inner whitespace, control characters, too long, non-ASCII. */
export const invalidTenantIds = ['default ', ' default', 'a b', 'line\nbreak', 'tab\there', 'nul\u0000', 'x'.repeat(129), 'x'.repeat(5_000), 'ünï', 'semi;colon', 'slash/ed', 'quote"d'];

/** Ids a store must accept. */
export const validTenantIds = ['default', 'a', 'A-b_c.d', 'team:42', 'user@example.com', 'x'.repeat(128)];

export function tenantIdCases(create: () => Promise<Store>): void {
  it('refuses malformed tenant ids with INVALID_TENANT on every call, storing nothing', () =>
    withStore(create, async (store) => {
      const w = makeWrite({ id: 'doc', paragraphs: ['Tenant id probe.'], vectors: [[1, 0]] });
      for (const tenant of invalidTenantIds) {
        await rejectsWithCode(store.commit({ tenant, writes: [w] }), 'INVALID_TENANT');
        await rejectsWithCode(store.getDocument({ tenant, id: 'doc' }), 'INVALID_TENANT');
        await rejectsWithCode(store.searchKeyword({ tenant, query: 'probe', topK: 1 }), 'INVALID_TENANT');
        await rejectsWithCode(store.searchVector({ tenant, vector: Float32Array.from([1, 0]), topK: 1 }), 'INVALID_TENANT');
        await rejectsWithCode(store.deleteDocuments({ tenant, ids: ['doc'] }), 'INVALID_TENANT');
        await rejectsWithCode(store.setMeta({ tenant, key: 'k', value: 'v' }), 'INVALID_TENANT');
        await rejectsWithCode(store.appendQueryLog({ tenant, id: 'q', at: 1, kind: 'search', query: 'q', retrieved: [], latencyMs: {} }), 'INVALID_TENANT');
        await rejectsWithCode((async () => collect(store.listDocumentKeys({ tenant })))(), 'INVALID_TENANT');
      }
      await rejectsWithCode(store.commit({ tenant: '', writes: [w] }), 'TENANT_REQUIRED');
      await rejectsWithCode(store.commit({ tenant: 5 as unknown as string, writes: [w] }), 'INVALID_TENANT');
      await store.commit({ tenant: 'default', writes: [w] });
      assert.equal((await store.searchKeyword({ tenant: 'default', query: 'probe', topK: 1 })).length, 1);
    }));

  it('accepts every id within the rule, each its own tenant', () =>
    withStore(create, async (store) => {
      for (const tenant of validTenantIds) await store.commit({ tenant, writes: [makeWrite({ id: 'doc', paragraphs: [`Owned by ${tenant.slice(0, 20)}.`] })] });
      for (const tenant of validTenantIds) assert.equal((await store.getDocument({ tenant, id: 'doc' }))?.tenant, tenant);
    }));
}
