import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer } from '../spec/answer.js';
import { parseSse } from '../util/http/sse.js';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

const json = async <T = Record<string, unknown>>(r: Response): Promise<T> => (await r.json()) as T;

describe('search', () => {
  it('searches the caller tenant with the CLI options (k, mode, filter, parent, explain stages)', async () => {
    const r = await t.req('/v1/search', { json: { query: 'enterprise refund', k: 2, mode: 'bm25', filter: { documentId: 'refunds.md' }, explain: true } });
    assert.equal(r.status, 200);
    const body = await json<{ tenant: string; hits: Array<{ document: { id: string }; stages: Record<string, unknown>; vector?: unknown }>; trace: { stages: Array<{ name: string }> } }>(r);
    assert.equal(body.tenant, 't1');
    assert.deepEqual(body.hits.map((h) => h.document.id), ['refunds.md']);
    assert.ok(body.hits[0]!.stages.bm25);
    assert.equal(body.trace.stages[0]!.name, 'bm25');
  });

  it('says which configuration a mode needs when the server lacks it', async () => {
    const r = await t.req('/v1/search', { json: { query: 'x', mode: 'vector' } });
    assert.equal(r.status, 400);
    assert.equal((await json<{ error: { code: string } }>(r)).error.code, 'INVALID_CONFIG');
  });
});

describe('ask', () => {
  it('answers as JSON with citations from the extractive answerer and logs the principal', async () => {
    const r = await t.req('/v1/ask', { json: { question: 'Within how many days can an Enterprise customer get a full refund?' } });
    assert.equal(r.status, 200);
    const a = await json<Answer>(r);
    assert.equal(a.abstained, false, a.text);
    assert.match(a.text, /thirty days/);
    assert.ok(a.citations.some((c) => c.valid && c.documentId === 'refunds.md'));
    assert.ok(a.logId);
    const entry = (await t.store.listQueryLog({ tenant: 't1', limit: 50 })).find((e) => e.id === a.logId)!;
    assert.equal((entry.metadata as { principal: string }).principal, 'user:alice');
  });

  it('streams SSE: text deltas, then citations, then the final answer', async () => {
    const r = await t.req('/v1/ask', { json: { question: 'What does the Enterprise plan cost per seat?', stream: true } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/event-stream/);
    const events: Array<{ event?: string; data: string }> = [];
    for await (const e of parseSse(r.body!)) events.push(e);
    const names = events.map((e) => e.event);
    assert.ok(names.indexOf('text-delta') < names.indexOf('citations') && names.indexOf('citations') < names.indexOf('answer'), names.join(','));
    const final = JSON.parse(events.at(-1)!.data) as Answer;
    assert.equal(events.filter((e) => e.event === 'text-delta').map((e) => (JSON.parse(e.data) as { delta: string }).delta).join(''), final.text);
    assert.match(final.text, /54 dollars/);
  });

  it('retrieves in two hops on request (hops in the answer trace and the audit entry); hops 3 is a 400', async () => {
    const r = await t.req('/v1/ask', { json: { question: 'Within how many days can an Enterprise customer get a full refund?', hops: 2 } });
    assert.equal(r.status, 200);
    const a = await json<Answer>(r);
    assert.equal(a.trace?.hops?.length, 2, 'two hops ran');
    const entry = (await t.store.listQueryLog({ tenant: 't1', limit: 50 })).find((e) => e.id === a.logId)!;
    assert.equal((entry.metadata as { retrieval?: { hops?: unknown[] } }).retrieval?.hops?.length, 2);
    const one = await json<Answer>(await t.req('/v1/ask', { json: { question: 'Within how many days can an Enterprise customer get a full refund?' } }));
    assert.equal(one.trace?.hops, undefined, 'one hop by default');
    const bad = await t.req('/v1/ask', { json: { question: 'x', hops: 3 } });
    assert.equal(bad.status, 400);
  });

  it('rejects an unknown pipeline with 404', async () => {
    const r = await t.req('/v1/ask', { json: { question: 'x', pipeline: 'nope' } });
    assert.equal(r.status, 404);
  });
});

describe('documents', () => {
  it('lists with a cursor, page by page, in id order', async () => {
    const first = await json<{ documents: Array<{ id: string }>; nextCursor: string | null }>(await t.req('/v1/documents?limit=2'));
    assert.deepEqual(first.documents.map((d) => d.id), ['pricing.md', 'refunds.md']);
    assert.ok(first.nextCursor);
    const second = await json<{ documents: Array<{ id: string }>; nextCursor: string | null }>(await t.req(`/v1/documents?limit=2&cursor=${first.nextCursor}`));
    assert.deepEqual(second.documents.map((d) => d.id), ['security.md']);
    assert.equal(second.nextCursor, null);
    assert.equal((await t.req('/v1/documents?limit=0')).status, 400);
  });

  it('shows a document with versions and chunks; 404 for an unknown id', async () => {
    const r = await json<{ document: { id: string }; versions: Array<{ text?: string }>; chunks: unknown[] }>(await t.req('/v1/documents/pricing.md?text=true'));
    assert.equal(r.document.id, 'pricing.md');
    assert.match(r.versions[0]!.text!, /54 dollars/);
    assert.ok(r.chunks.length >= 1);
    const missing = await t.req('/v1/documents/none.md');
    assert.equal(missing.status, 404);
    assert.equal((await json<{ error: { code: string } }>(missing)).error.code, 'DOCUMENT_NOT_FOUND');
  });
});

describe('ingest jobs and deletion', () => {
  it('ingests uploaded files and JSONL records as a job with progress, then a writer deletes one', async () => {
    const form = new FormData();
    form.append('files', new Blob(['# Holidays\n\nThe office is closed on the first Monday of August.\n']), 'holidays.md');
    form.append('files', new Blob(['{"id":"faq-1","text":"Support answers within four business hours."}\n{"id":"faq-2","text":"Invoices are sent on the first day of the month."}\n']), 'faq.jsonl');
    const started = await t.req('/v1/ingest', { key: t.keys.writer, method: 'POST', body: form });
    assert.equal(started.status, 202);
    const job = await json<{ id: string; status: string }>(started);
    let status: { status: string; result?: { counts: { documents: number; created: number } }; progress?: unknown } = job;
    for (let i = 0; i < 200 && (status.status === 'queued' || status.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await json(await t.req(`/v1/jobs/${job.id}`));
    }
    assert.equal(status.status, 'succeeded', JSON.stringify(status));
    assert.equal(status.result!.counts.created, 3);
    assert.ok(status.progress, 'progress was recorded');
    assert.equal((await t.req(`/v1/jobs/${job.id}`, { key: t.keys.other })).status, 404, 'jobs are tenant-scoped');
    const hit = await json<{ hits: Array<{ document: { id: string } }> }>(await t.req('/v1/search', { json: { query: 'office closed August' } }));
    assert.equal(hit.hits[0]!.document.id, 'holidays.md');

    const del = await t.req('/v1/documents/holidays.md', { key: t.keys.writer, method: 'DELETE' });
    assert.equal(del.status, 200);
    const result = await json<{ deleted: string[]; chunks: number }>(del);
    assert.deepEqual(result.deleted, ['holidays.md']);
    assert.ok(result.chunks >= 1);
    const after = await json<{ hits: unknown[] }>(await t.req('/v1/search', { json: { query: 'office closed August' } }));
    assert.equal(after.hits.length, 0);
    const many = await json<{ deleted: string[]; missing: string[] }>(await t.req('/v1/documents/delete', { key: t.keys.writer, json: { ids: ['faq-1', 'nope'] } }));
    assert.deepEqual([many.deleted, many.missing], [['faq-1'], ['nope']]);
  });

  it('refuses an upload without files', async () => {
    const r = await t.req('/v1/ingest', { key: t.keys.writer, method: 'POST', body: new FormData() });
    assert.equal(r.status, 400);
  });
});

describe('audit log and feedback', () => {
  it('a reader sees only their own entries, an admin sees all; feedback is stored with the entry', async () => {
    const mine = await json<Answer>(await t.req('/v1/ask', { json: { question: 'How is customer data encrypted at rest?' } }));
    const theirs = await json<Answer>(await t.req('/v1/ask', { key: t.keys.writer, json: { question: 'What does the Team plan cost?' } }));
    const readerView = await json<{ entries: Array<{ id: string }> }>(await t.req('/v1/audit?limit=100'));
    assert.ok(readerView.entries.some((e) => e.id === mine.logId));
    assert.ok(!readerView.entries.some((e) => e.id === theirs.logId));
    const adminView = await json<{ entries: Array<{ id: string }> }>(await t.req('/v1/audit?limit=100', { key: t.keys.admin }));
    assert.ok(adminView.entries.some((e) => e.id === theirs.logId) && adminView.entries.some((e) => e.id === mine.logId));
    assert.equal((await t.req(`/v1/audit/${theirs.logId}`)).status, 404, "another principal's entry is not visible");
    assert.equal((await t.req(`/v1/audit/${mine.logId}`, { key: t.keys.other })).status, 404, 'nor another tenant');

    const fb = await t.req(`/v1/audit/${mine.logId}/feedback`, { json: { rating: 'down', correction: 'AES-256 at rest.', comment: 'too long' } });
    assert.equal(fb.status, 201);
    const shown = await json<{ id: string; feedback: Array<{ rating: string; principal: string; correction: string }> }>(await t.req(`/v1/audit/${mine.logId}`));
    assert.equal(shown.id, mine.logId);
    assert.deepEqual(shown.feedback.map((f) => [f.rating, f.principal, f.correction]), [['down', 'user:alice', 'AES-256 at rest.']]);
    const bad = await t.req(`/v1/audit/${mine.logId}/feedback`, { json: { rating: 'meh' } });
    assert.equal(bad.status, 400);
    assert.equal((await t.req(`/v1/audit/${theirs.logId}/feedback`, { json: { rating: 'up' } })).status, 404);
  });
});

describe('openapi', () => {
  it('publishes OpenAPI 3.1 with the request schemas that validate the bodies', async () => {
    const r = await t.server.app.request('/openapi.json');
    assert.equal(r.status, 200);
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>>; components: { schemas: Record<string, { required?: string[] }> } }>(r);
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/v1/search', '/v1/ask', '/v1/documents', '/v1/documents/{id}', '/v1/ingest', '/v1/jobs/{id}', '/v1/audit', '/v1/audit/{id}/feedback', '/v1/chat/completions', '/v1/models', '/v1/embeddings']) assert.ok(doc.paths[p], p);
    assert.deepEqual(doc.components.schemas.SearchRequest!.required, ['query']);
    assert.ok(doc.paths['/v1/search']!.post!.requestBody);
  });
});

describe('document permissions through the API', () => {
  it('searches, answers, lists, shows and deletes as the caller: a document only user:ada may read stays hidden from user:alice', async () => {
    assert.equal(await t.store.setDocumentAcl({ tenant: 't1', id: 'security.md', acl: { principals: ['user:ada'], groups: [] } }), true);
    try {
      const search = async (key?: string) => json<{ hits: Array<{ document: { id: string } }> }>(await t.req('/v1/search', { key, json: { query: 'customer data encrypted AES TLS', k: 5, mode: 'bm25' } }));
      assert.ok(!(await search()).hits.some((h) => h.document.id === 'security.md'), 'alice (reader) must not retrieve it');
      assert.ok((await search(t.keys.admin)).hits.some((h) => h.document.id === 'security.md'), 'ada may retrieve it');

      const asked = await json<Answer>(await t.req('/v1/ask', { json: { question: 'How is customer data encrypted at rest?' } }));
      assert.ok(!asked.sources.some((src) => src.documentId === 'security.md') && !/AES/.test(asked.text), asked.text);

      const listed = await json<{ documents: Array<{ id: string }> }>(await t.req('/v1/documents', { method: 'GET' }));
      const ids = listed.documents.map((d) => d.id);
      assert.ok(!ids.includes('security.md') && ids.includes('pricing.md') && ids.includes('refunds.md'), ids.join(', '));
      assert.equal((await t.req('/v1/documents/security.md', { method: 'GET' })).status, 404);
      assert.equal((await t.req('/v1/documents/security.md', { method: 'DELETE', key: t.keys.writer })).status, 404, 'wendy may not delete what she cannot read');
      assert.ok(await t.store.getDocument({ tenant: 't1', id: 'security.md' }), 'still stored');
      assert.equal((await t.req('/v1/documents/security.md', { method: 'GET', key: t.keys.admin })).status, 200);
    } finally {
      await t.store.setDocumentAcl({ tenant: 't1', id: 'security.md', acl: undefined });
    }
  });
});
