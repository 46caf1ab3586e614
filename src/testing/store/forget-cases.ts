/** Conformance: deletion leaves no text in the audit log (redaction), and the optional audit-log purge. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import type { Store } from '../../spec/store.js';
import { makeWrite, rejectsWithCode, withStore } from './fixtures.js';

const entry = (tenant: string, id: string, documentId: string, at: number): QueryLogEntry => ({
  tenant, id, at, kind: 'ask', query: `Where is the ${documentId} harbour?`, answer: `By the lighthouse [1].`, abstained: false, model: 'm',
  retrieved: [{ chunkId: `${documentId}-c0`, documentId, score: 2, stages: { bm25: { score: 2, rank: 1 } } }],
  citations: [{ n: 1, valid: true, documentId, sentence: 'By the lighthouse [1].', support: 1, supported: true }],
  latencyMs: { total: 7 }, usage: { promptTokens: 30, completionTokens: 5 }, costUsd: 0.002,
  metadata: { prompt: [{ role: 'user', content: 'The harbour is by the lighthouse.' }], sources: [{ n: 1, documentId, title: 'Harbour' }] },
});

export function forgetCases(create: () => Promise<Store>): void {
  it('deleting a document redacts the audit entries that retrieved or cited it, in its tenant only', () =>
    withStore(create, async (store) => {
      await store.commit({ tenant: 'f1', writes: [makeWrite({ id: 'a', paragraphs: ['The harbour is by the lighthouse.'] }), makeWrite({ id: 'b', paragraphs: ['Other text.'] })] });
      for (const [tenant, id, doc, at] of [['f1', 'e1', 'a', 1], ['f1', 'e2', 'b', 2], ['f2', 'e3', 'a', 3]] as const) await store.appendQueryLog(entry(tenant, id, doc, at));
      const result = await store.deleteDocuments({ tenant: 'f1', ids: ['a'] });
      if (result.auditEntriesRedacted !== undefined) assert.equal(result.auditEntriesRedacted, 1);
      const [e2, e1] = await store.listQueryLog({ tenant: 'f1' });
      assert.equal(e1!.id, 'e1');
      for (const text of ['harbour', 'lighthouse', 'Harbour']) assert.ok(!JSON.stringify(e1).includes(text), `"${text}" left in the redacted entry`);
      assert.deepEqual([e1!.redacted?.reason, e1!.redacted?.documentIds, e1!.retrieved[0]?.documentId, e1!.costUsd, e1!.latencyMs], ['document-deleted', ['a'], 'a', 0.002, { total: 7 }]);
      assert.equal(e2!.query, 'Where is the b harbour?', 'an entry about another document is kept');
      assert.equal((await store.listQueryLog({ tenant: 'f2' }))[0]!.query, 'Where is the a harbour?', 'another tenant\'s entry is kept');
    }));

  it('purges audit entries by document, age or tenant (when supported)', () =>
    withStore(create, async (store) => {
      if (!store.purgeQueryLog) return;
      for (const [id, doc, at] of [['p1', 'a', 10], ['p2', 'b', 20], ['p3', 'a', 30]] as const) await store.appendQueryLog(entry('p', id, doc, at));
      await rejectsWithCode(store.purgeQueryLog({ tenant: 'p' }), 'INVALID_ARGUMENT');
      assert.equal((await store.purgeQueryLog({ tenant: 'p', documentIds: ['a'], before: 25 })).removed, 1);
      assert.deepEqual((await store.listQueryLog({ tenant: 'p' })).map((e) => e.id), ['p3', 'p2']);
      assert.equal((await store.purgeQueryLog({ tenant: 'p', all: true, action: 'redact' })).redacted, 2);
      assert.ok((await store.listQueryLog({ tenant: 'p' })).every((e) => e.query === '' && e.redacted?.reason === 'purged'));
    }));
}
