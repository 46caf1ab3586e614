import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { QueryLogEntry } from '../../spec/audit.js';
import type { DocumentWrite, Store } from '../../spec/store.js';
import { sha256 } from '../../util/hash.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-delete-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `case${n++}`, 'store.db');
const MARKER = 'Zyxwquorblemarker';

function write(id: string, text: string): DocumentWrite {
  return {
    document: { id, source: id, title: id, text, format: 'text', metadata: {} },
    contentHash: sha256(text),
    chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 1, role: 'leaf' }],
    at: 1,
  };
}

function entry(id: string, documentId: string, at: number, text: string): QueryLogEntry {
  return {
    tenant: 't', id, at, kind: 'ask', query: `what is ${text}?`, model: 'extractive', answer: `It is ${text} [1].`, abstained: false,
    retrieved: [{ chunkId: `${documentId}#0`, documentId, score: 1.5, stages: { bm25: { score: 1.5, rank: 1 } } }],
    citations: [{ n: 1, valid: true, documentId, chunkId: `${documentId}#0`, sentence: `It is ${text} [1].`, support: 1, supported: true }],
    latencyMs: { total: 12 }, usage: { promptTokens: 40 }, costUsd: 0.001,
    metadata: { promptTokens: 40, sources: [{ n: 1, documentId, title: `title ${text}` }], prompt: [{ role: 'user', content: `<source n="1">${text}</source>` }] },
  };
}

/** The store's files as one latin1 string (the marker is ASCII). */
const bytes = (path: string) => ['', '-wal', '-shm'].map((s) => (existsSync(path + s) ? readFileSync(path + s).toString('latin1') : '')).join('');

async function seeded(path: string): Promise<Store> {
  const store = await createSqliteStore({ path });
  await store.commit({ tenant: 't', writes: [write('keep', 'ordinary kept words '.repeat(40)), write('secret', `The code is ${MARKER}. ${'padding words '.repeat(200)}`)] });
  await store.appendQueryLog(entry('q1', 'secret', 100, MARKER));
  await store.appendQueryLog(entry('q2', 'keep', 200, 'ordinary kept words'));
  await store.appendQueryLog(entry('q3', 'secret', 300, MARKER));
  return store;
}

describe('docs delete: audit entries that quoted the document', () => {
  it('redacts their text, keeps ids, timings and cost, leaves other entries alone, and the marker leaves the files', async () => {
    const path = freshPath();
    const store = await seeded(path);
    const result = await store.deleteDocuments({ tenant: 't', ids: ['secret'] });
    assert.deepEqual(result.deleted, ['secret']);
    assert.equal(result.auditEntriesRedacted, 2);
    assert.equal(result.erasure?.status, 'complete');
    const log = await store.listQueryLog({ tenant: 't' });
    const q1 = log.find((e) => e.id === 'q1')!;
    assert.ok(!JSON.stringify(log).includes(MARKER), 'no entry holds the marker');
    assert.equal(q1.query, '');
    assert.equal(q1.answer, '');
    assert.deepEqual(q1.redacted?.documentIds, ['secret']);
    assert.equal(q1.redacted?.reason, 'document-deleted');
    assert.equal(q1.costUsd, 0.001);
    assert.deepEqual(q1.latencyMs, { total: 12 });
    assert.equal(q1.retrieved[0]?.documentId, 'secret');
    assert.equal(log.find((e) => e.id === 'q2')!.query, 'what is ordinary kept words?');
    assert.ok(!bytes(path).includes(MARKER), 'marker still in the store files');
    await store.close();
  });
});

describe('log purge (store.purgeQueryLog)', () => {
  it('removes by document, by age, or the whole tenant log; redacts on request; refuses no selector', async () => {
    const path = freshPath();
    const store = await seeded(path);
    const ids = async () => (await store.listQueryLog({ tenant: 't' })).map((e) => e.id).sort();
    await assert.rejects(store.purgeQueryLog!({ tenant: 't' }), { code: 'INVALID_ARGUMENT' });
    assert.deepEqual(await store.purgeQueryLog!({ tenant: 't', before: 150 }).then((r) => [r.removed, r.redacted, r.erasure.status]), [1, 0, 'complete']);
    assert.deepEqual(await ids(), ['q2', 'q3']);
    assert.equal((await store.purgeQueryLog!({ tenant: 't', documentIds: ['secret'], action: 'redact', at: 5 })).redacted, 1);
    assert.deepEqual((await store.listQueryLog({ tenant: 't' })).find((e) => e.id === 'q3')?.redacted, { reason: 'purged', at: 5 });
    assert.ok(!JSON.stringify(await store.listQueryLog({ tenant: 't' })).includes(MARKER));
    assert.equal((await store.purgeQueryLog!({ tenant: 'other', all: true })).removed, 0, 'another tenant is untouched');
    assert.equal((await store.purgeQueryLog!({ tenant: 't', all: true })).removed, 2);
    assert.deepEqual(await ids(), []);
    await store.close();
  });
});

describe('docs delete with another connection reading (L3)', () => {
  it('reports erasure as pending instead of success, records it, and finishes it on the next open', async () => {
    const path = freshPath();
    const store = await seeded(path);
    await store.close();
    const writer = await createSqliteStore({ path });
    const reader = new Database(path, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM chunks').get(); // holds a snapshot from before the delete
    const result = await writer.deleteDocuments({ tenant: 't', ids: ['secret'] });
    assert.equal(result.erasure?.status, 'pending');
    assert.ok(result.erasure!.attempts > 1, 'retried');
    assert.match(result.erasure!.message, /pending physical erasure until readers close/);
    assert.ok(bytes(path).includes(MARKER), 'control: the reader really kept the old pages');
    await writer.close();
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.prepare("SELECT count(*) FROM meta WHERE key = 'erasure:pending'").pluck().get(), 1, 'recorded in the store');
    raw.close();
    reader.exec('COMMIT');
    reader.close();
    const reopened = await createSqliteStore({ path });
    assert.ok(!bytes(path).includes(MARKER), 'erasure finished on open');
    await reopened.close();
    const check = new Database(path, { readonly: true });
    assert.equal(check.prepare("SELECT count(*) FROM meta WHERE key = 'erasure:pending'").pluck().get(), 0, 'pending record cleared');
    check.close();
    assert.ok(!bytes(path).includes(MARKER));
  });
});
