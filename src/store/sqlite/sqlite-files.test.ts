import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { DocumentWrite } from '../../spec/store.js';
import { sha256 } from '../../util/hash.js';
import { createSqliteStore } from './index.js';
import { schemaVersion } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `case${n++}`, 'nested', 'store.db');

function write(id: string, text: string, vector?: number[]): DocumentWrite {
  return {
    document: { id, source: id, title: id, text, format: 'text', metadata: {} },
    contentHash: sha256(text),
    chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 1, role: 'leaf' }],
    vectors: vector ? [Float32Array.from(vector)] : undefined,
    at: 1,
  };
}

async function rejectsCode(promise: Promise<unknown>, code: string, pattern?: RegExp) {
  await assert.rejects(promise, (e: { code?: string; message?: string }) => e.code === code && (!pattern || pattern.test(e.message ?? '')));
}

describe('sqlite files and migrations', () => {
  it('creates parent directories and records the schema version', async () => {
    const path = freshPath();
    const store = await createSqliteStore({ path });
    await store.commit({ tenant: 't', writes: [write('a', 'persisted text')] });
    await store.close();
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.pragma('user_version', { simple: true }), schemaVersion);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    raw.close();
    const reopened = await createSqliteStore({ path });
    assert.equal((await reopened.searchKeyword({ tenant: 't', query: 'persisted', topK: 1 }))[0]?.document.id, 'a');
    await reopened.close();
  });

  it('refuses a file written by a newer schema', async () => {
    const path = freshPath();
    await (await createSqliteStore({ path })).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${schemaVersion + 1}`);
    raw.close();
    await rejectsCode(createSqliteStore({ path }), 'STORE_SCHEMA_TOO_NEW', /Upgrade fathom/);
  });

  it('refuses a file that is not a SQLite database, saying what to do', async () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'this is plainly not a database file, just some text '.repeat(100));
    await rejectsCode(createSqliteStore({ path }), 'STORE_CORRUPT', /Move it aside/);
  });
});

describe('sqlite secure deletion', () => {
  it('leaves no trace of deleted text in the .db or -wal file', async () => {
    const path = freshPath();
    const marker = 'Qzxvmarkerword';
    const store = await createSqliteStore({ path });
    await store.commit({ tenant: 't', writes: [write('keep', 'ordinary kept words '.repeat(50))] });
    await store.commit({ tenant: 't', writes: [write('secret', `The secret ${marker} appears here. ${'padding words '.repeat(300)}`, [1, 2, 3])] });
    const bytes = () => ['', '-wal'].map((s) => (existsSync(path + s) ? readFileSync(path + s).toString('latin1') : '')).join('');
    assert.ok(bytes().toLowerCase().includes(marker.toLowerCase()), 'control: the marker is on disk before deletion');
    await store.deleteDocuments({ tenant: 't', ids: ['secret'] });
    assert.ok(!bytes().toLowerCase().includes(marker.toLowerCase()), 'marker still on disk after delete');
    await store.compact();
    await store.close();
    assert.ok(!bytes().toLowerCase().includes(marker.toLowerCase()), 'marker on disk after compact');
    assert.ok(bytes().includes('ordinary kept words'));
  });
});

describe('sqlite in-memory indexes', () => {
  it('see writes made through another connection to the same file', async () => {
    const path = freshPath();
    const reader = await createSqliteStore({ path });
    const writer = await createSqliteStore({ path });
    await writer.commit({ tenant: 't', writes: [write('a', 'first lighthouse', [1, 0])] });
    assert.equal((await reader.searchKeyword({ tenant: 't', query: 'lighthouse', topK: 5 })).length, 1);
    assert.equal((await reader.searchVector({ tenant: 't', vector: Float32Array.from([1, 0]), topK: 5 })).length, 1);
    await writer.commit({ tenant: 't', writes: [write('b', 'second lighthouse', [0, 1])] });
    await writer.deleteDocuments({ tenant: 't', ids: ['a'] });
    assert.deepEqual((await reader.searchKeyword({ tenant: 't', query: 'lighthouse', topK: 5 })).map((h) => h.document.id), ['b']);
    assert.deepEqual((await reader.searchVector({ tenant: 't', vector: Float32Array.from([1, 0]), topK: 5 })).map((h) => h.document.id), ['b']);
    await reader.close();
    await writer.close();
  });
});
