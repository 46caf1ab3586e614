import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer } from '../../spec/answer.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

describe('POST /v1/audit/{id}/feedback', () => {
  it('stores the feedback in the audit entry itself, and deleting the cited document erases its text', async () => {
    const a = (await (await t.req('/v1/ask', { json: { question: 'How is customer data encrypted at rest?' } })).json()) as Answer;
    const r = await t.req(`/v1/audit/${a.logId}/feedback`, { json: { rating: 'down', correction: 'Zorblax-cipher at rest.', comment: 'marker-note' } });
    assert.equal(r.status, 201);
    const body = (await r.json()) as { feedback: Array<{ rating: string; correction: string; comment: string; principal: string }> };
    assert.deepEqual(body.feedback.map((f) => [f.rating, f.correction, f.comment, f.principal]), [['down', 'Zorblax-cipher at rest.', 'marker-note', 'user:alice']]);
    const [entry] = (await t.store.listQueryLog({ tenant: 't1' })).filter((e) => e.id === a.logId);
    assert.equal(entry!.feedback?.[0]?.correction, 'Zorblax-cipher at rest.', 'stored with the entry, not beside it');
    assert.equal(await t.store.getMeta({ tenant: 't1', key: `feedback:${a.logId}` }), undefined);

    const cited = a.citations.find((c) => c.valid)!.documentId!;
    await t.store.deleteDocuments({ tenant: 't1', ids: [cited] });
    const [after] = (await t.store.listQueryLog({ tenant: 't1' })).filter((e) => e.id === a.logId);
    assert.doesNotMatch(JSON.stringify(after), /Zorblax|marker-note/);
    assert.deepEqual(after!.feedback!.map((f) => f.rating), ['down'], 'the rating (no text) is kept');
  });
});
