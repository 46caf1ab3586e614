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

  it('feedback and online scores annotate an entry in its tenant only, and deleting a cited document erases the feedback text (when supported)', () =>
    withStore(create, async (store) => {
      if (!store.annotateQueryLog) return;
      await store.commit({ tenant: 'n1', writes: [makeWrite({ id: 'a', paragraphs: ['The harbour is by the lighthouse.'] })] });
      await store.appendQueryLog(entry('n1', 'q1', 'a', 5));
      await store.appendQueryLog(entry('n2', 'q1', 'a', 6));
      assert.equal(await store.annotateQueryLog({ tenant: 'n1', id: 'missing', feedback: { rating: 'up', at: 7 } }), undefined);
      assert.equal(await store.annotateQueryLog({ tenant: 'n3', id: 'q1', feedback: { rating: 'up', at: 7 } }), undefined, 'an unknown tenant has no entry');
      await store.annotateQueryLog({ tenant: 'n1', id: 'q1', feedback: { rating: 'down', correction: 'By the harbour gate.', note: 'wrong place', by: 'user:a', at: 8 } });
      const online = { at: 9, scorer: 'online-v1', stratum: 'n1/default', rate: 1, metrics: { abstained: 0, citationSupport: 1 } };
      const updated = await store.annotateQueryLog({ tenant: 'n1', id: 'q1', at: 5, feedback: { rating: 'up', at: 10 }, online });
      assert.deepEqual(updated?.feedback?.map((f) => f.rating), ['down', 'up']);
      const [stored] = await store.listQueryLog({ tenant: 'n1' });
      assert.deepEqual([stored!.feedback?.[0]?.correction, stored!.feedback?.length, stored!.online?.metrics.citationSupport], ['By the harbour gate.', 2, 1]);
      assert.equal((await store.listQueryLog({ tenant: 'n2' }))[0]!.feedback, undefined, "another tenant's entry with the same id is untouched");
      await store.deleteDocuments({ tenant: 'n1', ids: ['a'] });
      const [redacted] = await store.listQueryLog({ tenant: 'n1' });
      for (const text of ['harbour gate', 'wrong place']) assert.ok(!JSON.stringify(redacted).includes(text), `feedback text "${text}" survived deletion`);
      assert.deepEqual(redacted!.feedback?.map((f) => f.rating), ['down', 'up'], 'ratings and times stay');
    }));

  it('finds one audit entry by id in its tenant only, annotated and redacted like the log (when supported)', () =>
    withStore(create, async (store) => {
      if (!store.getQueryLogEntry) return;
      await store.commit({ tenant: 'g1', writes: [makeWrite({ id: 'a', paragraphs: ['The harbour is by the lighthouse.'] })] });
      for (let i = 0; i < 30; i++) await store.appendQueryLog(entry('g1', `e${i}`, i === 7 ? 'a' : 'b', i));
      await store.appendQueryLog(entry('g2', 'e7', 'b', 99));
      assert.equal((await store.getQueryLogEntry({ tenant: 'g1', id: 'e7' }))?.query, 'Where is the a harbour?');
      assert.equal((await store.getQueryLogEntry({ tenant: 'g2', id: 'e7' }))?.query, 'Where is the b harbour?', 'the same id in another tenant is its own entry');
      assert.equal(await store.getQueryLogEntry({ tenant: 'g1', id: 'nope' }), undefined);
      assert.equal(await store.getQueryLogEntry({ tenant: 'g9', id: 'e7' }), undefined, 'an unknown tenant has no entry');
      if (store.annotateQueryLog) {
        await store.annotateQueryLog({ tenant: 'g1', id: 'e7', feedback: { rating: 'up', at: 50 } });
        assert.deepEqual((await store.getQueryLogEntry({ tenant: 'g1', id: 'e7' }))?.feedback?.map((f) => f.rating), ['up']);
      }
      await store.deleteDocuments({ tenant: 'g1', ids: ['a'] });
      const redacted = await store.getQueryLogEntry({ tenant: 'g1', id: 'e7' });
      assert.equal(redacted?.redacted?.reason, 'document-deleted');
      assert.ok(!JSON.stringify(redacted).includes('lighthouse'));
    }));
}
