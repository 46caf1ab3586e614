import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { DocumentWrite, Store } from '../../spec/store.js';
import { createSqliteStore } from './index.js';
import { encodeTerms, luceneLength } from './keyword-index.js';
import { mergeAt } from './keyword-postings.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-postings-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `store${n++}.db`);

const write = (id: string, text: string, metadata: Record<string, string> = {}): DocumentWrite => ({
  document: { id, source: id, title: id, text, format: 'text', metadata },
  contentHash: `${id}:${text}`,
  chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 1, role: 'leaf' }],
  at: 1,
});

/** BM25 computed from scratch over the final texts (Lucene formula, k1 0.9, b 0.4), ties by insertion order. */
function reference(texts: Map<string, string>, query: string, k: number): Array<[string, number]> {
  const counts = (terms: string) => new Map((terms.match(/\S+ \d+/g) ?? []).map((p) => [p.split(' ')[0]!, Number(p.split(' ')[1])]));
  const docs = [...texts].map(([id, text]) => ({ id, length: encodeTerms(text).length, tfs: counts(encodeTerms(text).terms) }));
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  const weights = counts(encodeTerms(query).terms);
  const scored = docs.map((d) => {
    let score = 0;
    for (const [t, w] of weights) {
      const df = docs.filter((x) => x.tfs.has(t)).length;
      const f = d.tfs.get(t) ?? 0;
      if (!df || !f) continue;
      score += (w * Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)) * 1.9 * f) / (f + 0.9 * (1 - 0.4 + (0.4 * luceneLength(d.length)) / avg));
    }
    return [d.id, score] as [string, number];
  });
  return scored.filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]).slice(0, k);
}

async function search(store: Store, query: string, filter?: Record<string, string>): Promise<Array<[string, number]>> {
  return (await store.searchKeyword({ tenant: 't', query, topK: 5, filter })).map((h) => [h.document.id, h.score]);
}

function assertClose(actual: Array<[string, number]>, expected: Array<[string, number]>): void {
  assert.deepEqual(actual.map(([id]) => id), expected.map(([id]) => id));
  actual.forEach(([, s], i) => assert.ok(Math.abs(s - expected[i]![1]) < 1e-9, `${s} vs ${expected[i]![1]}`));
}

const words = 'harbour lighthouse keeper storm beacon tide reef gull anchor rope'.split(' ');
const text = (i: number) => Array.from({ length: 3 + (i % 7) }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');

describe('keyword postings on disk', () => {
  it('answers a fresh process from the postings alone, exactly as BM25 over the final texts, after updates and deletes', async () => {
    const path = freshPath();
    const writer = await createSqliteStore({ path });
    const texts = new Map<string, string>();
    // Three batches pass the merge threshold (blocks); the fourth stays pending: both paths are read.
    const size = Math.ceil(mergeAt / 3) + 1;
    for (let batch = 0; batch < 4; batch++) {
      const writes = Array.from({ length: size }, (_, i) => write(`d${batch * size + i}`, text(batch * size + i)));
      await writer.commit({ tenant: 't', writes });
      for (const w of writes) texts.set(w.document.id, w.document.text);
    }
    const pendingId = `d${3 * size + 5}`;
    await writer.commit({ tenant: 't', writes: [write('d3', 'storm storm storm surge'), write('d4', 'calm water'), write(pendingId, 'surge calm')] });
    texts.set('d3', 'storm storm storm surge').set('d4', 'calm water').set(pendingId, 'surge calm');
    const gone = ['d5', 'd6', 'd40', `d${3 * size + 1}`];
    await writer.deleteDocuments({ tenant: 't', ids: gone });
    for (const id of gone) texts.delete(id);
    await writer.close();
    // Merged chunks are answered from their blocks alone: drop their forward-index rows and a new process still answers.
    const raw = new Database(path);
    raw.exec('DELETE FROM keyword_terms WHERE chunk_rowid <= (SELECT merged_through FROM keyword_collection)');
    raw.close();
    const reader = await createSqliteStore({ path });
    for (const query of ['storm', 'lighthouse keeper', 'surge storm storm', 'calm', 'reef gull anchor rope']) {
      assertClose(await search(reader, query), reference(texts, query, 5));
    }
    await reader.close();
  });

  it('keeps one transaction exact when it rewrites a document it added itself', async () => {
    const store = await createSqliteStore({ path: freshPath() });
    await store.commit({ tenant: 't', writes: [write('a', 'old words beacon'), write('b', 'beacon tide'), write('a', 'new words reef')] });
    assert.deepEqual((await search(store, 'beacon')).map(([id]) => id), ['b']);
    assertClose(await search(store, 'reef words'), reference(new Map([['a', 'new words reef'], ['b', 'beacon tide']]), 'reef words', 5));
    await store.close();
  });

  it('applies filters inside the search', async () => {
    const store = await createSqliteStore({ path: freshPath() });
    const writes = Array.from({ length: 40 }, (_, i) => write(`d${i}`, `storm ${'calm '.repeat(i % 5)}`, { kind: i === 37 ? 'rare' : 'common' }));
    await store.commit({ tenant: 't', writes });
    assert.deepEqual((await search(store, 'storm', { kind: 'rare' })).map(([id]) => id), ['d37']);
    await store.close();
  });

  it('removes a deleted document’s postings and statistics in the delete transaction', async () => {
    const path = freshPath();
    const store = await createSqliteStore({ path });
    const filler = Array.from({ length: mergeAt }, (_, i) => write(`f${i}`, 'tide'));
    await store.commit({ tenant: 't', writes: [write('keep', 'harbour beacon'), write('gone', 'harbour qzxvunique'), ...filler] });
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.prepare("SELECT count(*) FROM keyword_blocks WHERE term = 'qzxvuniqu'").pluck().get(), 1, 'control: merged into a block');
    await store.deleteDocuments({ tenant: 't', ids: ['gone'] });
    assert.equal(raw.prepare("SELECT count(*) FROM keyword_blocks WHERE term = 'qzxvuniqu'").pluck().get(), 0);
    assert.deepEqual(raw.prepare("SELECT n FROM keyword_blocks WHERE term = 'harbour'").pluck().all(), [1]);
    assert.deepEqual(raw.prepare('SELECT chunks, total_length FROM keyword_collection').get(), { chunks: mergeAt + 1, total_length: mergeAt + 2 });
    raw.close();
    await store.close();
  });

  it('keeps small commits pending, then merges them into one block per term', async () => {
    const path = freshPath();
    const store = await createSqliteStore({ path });
    for (let i = 0; i < 20; i++) await store.commit({ tenant: 't', writes: [write(`s${i}`, 'beacon')] });
    const blocks = () => {
      const raw = new Database(path, { readonly: true });
      const n = raw.prepare("SELECT n FROM keyword_blocks WHERE term = 'beacon'").pluck().all();
      raw.close();
      return n;
    };
    assert.deepEqual(blocks(), []);
    assert.equal((await store.searchKeyword({ tenant: 't', query: 'beacon', topK: 100 })).length, 20);
    await store.commit({ tenant: 't', writes: Array.from({ length: mergeAt }, (_, i) => write(`b${i}`, 'beacon tide')) });
    assert.deepEqual(blocks(), [mergeAt + 20]);
    await store.close();
  });

  it('migrates a store written before the postings existed (schema 3) with the same results', async () => {
    const path = freshPath();
    const store = await createSqliteStore({ path });
    await store.commit({ tenant: 't', writes: Array.from({ length: 60 }, (_, i) => write(`d${i}`, text(i))) });
    await store.commit({ tenant: 'other', writes: [write('x', 'storm beacon')] });
    const before = await search(store, 'storm beacon reef');
    await store.close();
    const raw = new Database(path);
    // Back to schema 3: drop what migrations 4 (postings), 5 (document ACLs), 6 (audit id index) and 7 (audit principal index) add.
    raw.exec('DROP TABLE keyword_blocks; DROP TABLE keyword_collection; DROP TABLE document_acl; ALTER TABLE tenants DROP COLUMN acl_generation; DROP INDEX query_log_id; DROP INDEX query_log_principal; PRAGMA user_version = 3');
    raw.close();
    const migrated = await createSqliteStore({ path });
    assert.deepEqual(await search(migrated, 'storm beacon reef'), before);
    assert.equal((await migrated.searchKeyword({ tenant: 'other', query: 'storm', topK: 5 })).length, 1);
    await migrated.close();
  });
});
