import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { EvalItemResult, EvalRun } from '../../spec/evaluation.js';
import type { DocumentWrite } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { sha256 } from '../../util/hash.js';
import { forgetDocuments } from './forget-documents.js';
import { recordExport } from './record-export.js';
import { storedEvalRunKey } from './stored-eval-run-key.js';

const root = mkdtempSync(join(tmpdir(), 'fathom-forget-'));
after(() => rmSync(root, { recursive: true, force: true }));
const SECRET = 'Plumbago secret';

const write = (id: string, text: string, at: number): DocumentWrite => ({
  document: { id, source: `kb/${id}.md`, title: id, text, format: 'markdown', metadata: {} },
  contentHash: sha256(text), chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: 3, role: 'leaf' }], at,
});

const result = (itemId: string, mode: EvalItemResult['mode'], documentId: string | undefined, text: string): EvalItemResult => ({
  itemId, mode, correct: true, metrics: { f1: 1 },
  answer: {
    question: `q ${itemId}`, text, abstained: false, citations: [], unsupportedClaims: [], sufficiency: 1, context: documentId ? 'retrieve' : 'none', model: 'extractive',
    sources: documentId ? [{ n: 1, documentId, chunkId: `${documentId}-c`, title: documentId, text }] : [], usage: { inputTokens: 0, outputTokens: 0 }, promptTokens: 9, latencyMs: { total: 1 }, warnings: [],
  },
  ...(documentId ? { retrieved: [{ documentId, chunkId: `${documentId}-c`, score: 1 }] } : {}),
});

describe('forgetDocuments', () => {
  it('redacts runs and the cache by document and by chunk of any version, reports each place once, and is idempotent', async () => {
    const dir = join(root, 'p1');
    const dataDir = join(dir, '.fathom');
    const store = await createSqliteStore({ path: join(dataDir, 'fathom.db') });
    await store.commit({ tenant: 't', writes: [write('a', `Old ${SECRET}.`, 1), write('b', 'Other words.', 1)] });
    const [v1chunk] = await store.listChunks({ tenant: 't', documentId: 'a' });
    await store.commit({ tenant: 't', writes: [write('a', `New ${SECRET} text.`, 2)] });
    mkdirSync(join(dataDir, 'runs'), { recursive: true });
    mkdirSync(join(dataDir, 'cache', 'eval'), { recursive: true });
    mkdirSync(join(dir, 'kb'), { recursive: true });
    writeFileSync(join(dir, 'kb', 'a.md'), SECRET);
    writeFileSync(join(dir, 'golden.jsonl'), SECRET);
    const run: EvalRun = {
      id: 'eval-1', createdAt: 1, dataset: { path: join(dir, 'golden.jsonl'), sha256: 'x', items: 2 }, modes: ['closed-book', 'rag'], config: {}, configHash: 'h', versions: {},
      items: [
        { id: 'i1', question: `What is ${SECRET}?`, answers: [SECRET], sources: [{ chunkId: v1chunk!.id }], answerable: true },
        { id: 'i2', question: 'Other?', answers: ['words'], sources: [{ documentId: 'b' }], answerable: true },
      ],
      results: [result('i1', 'closed-book', undefined, 'I do not know.'), result('i1', 'rag', 'a', SECRET), result('i2', 'closed-book', undefined, 'Other.'), result('i2', 'rag', 'b', 'Other words.')],
      summary: { 'closed-book': { f1: 1 }, rag: { f1: 1 }, oracle: {} },
    };
    writeFileSync(join(dataDir, 'runs', 'eval-1.json'), JSON.stringify(run));
    writeFileSync(join(dataDir, 'runs', 'eval-1.manifest.json'), '{}');
    writeFileSync(join(dataDir, 'runs', 'eval-broken.json'), '{"results": [tor');
    const cache = join(dataDir, 'cache', 'eval', 'h.jsonl');
    writeFileSync(cache, run.results.map((r) => JSON.stringify({ key: `${r.itemId}\t${r.mode}\tx`, result: r })).join('\n') + `\n{"key":"i9\\trag","result":{"answer":"${SECRET}`);
    await recordExport({ store, tenant: 't', path: join(dir, 'unrelated-export.jsonl'), kind: 'audit-log' });
    writeFileSync(join(dir, 'unrelated-export.jsonl'), 'nothing about it');

    const receipt = await forgetDocuments({ store, tenant: 't', ids: ['a', 'a'], dataDir, sourceRoot: dir, _internal: { now: () => 42 } });
    assert.deepEqual(receipt.deleted, ['a']);
    assert.deepEqual(receipt.places.map((p) => [p.place, p.action, p.count]), [['store', 'removed', 1], ['eval-run', 'redacted', 2], ['eval-cache', 'removed', 3]]);
    assert.match(receipt.places[0]!.what, /2 versions, 2 chunks/);
    assert.deepEqual(receipt.notManaged.map((u) => [u.kind, u.path]).sort(), [
      ['export', join(dataDir, 'runs', 'eval-broken.json')], ['golden-set', join(dir, 'golden.jsonl')], ['source-file', join(dir, 'kb', 'a.md')],
    ], 'the broken run file cannot be checked: named for the user; the unrelated export is not listed');
    const after = JSON.parse(readFileSync(join(dataDir, 'runs', 'eval-1.json'), 'utf8')) as EvalRun;
    assert.ok(!JSON.stringify(after).includes(SECRET));
    assert.deepEqual(after.results.map((r) => [r.itemId, r.mode, r.redacted?.at ?? null]), [['i1', 'closed-book', 42], ['i1', 'rag', 42], ['i2', 'closed-book', null], ['i2', 'rag', null]]);
    assert.deepEqual(after.results[1]!.metrics, { f1: 1 }, 'metrics survive redaction');
    assert.equal(readFileSync(cache, 'utf8').split('\n').filter(Boolean).length, 2, 'the i2 lines stay; i1 and the torn line go');
    assert.ok(!readFileSync(cache, 'utf8').includes(SECRET));

    const again = await forgetDocuments({ store, tenant: 't', ids: ['a'], dataDir });
    assert.deepEqual([again.deleted, again.missing, again.places], [[], ['a'], []], 'nothing is redacted or counted twice');
    await store.close();
    assert.ok(existsSync(join(dataDir, 'runs', 'eval-1.manifest.json')));
  });

  it('redacts the evaluation runs the server keeps in the store (meta rows), whichever way the document is deleted', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await store.commit({ tenant: 't', writes: [write('a', `About ${SECRET}.`, 1), write('b', 'Other words.', 1)] });
    const run = { id: 'r1', createdAt: 1, dataset: { path: 'g.jsonl', sha256: 'x', items: 1 }, modes: ['rag'], config: {}, configHash: 'h', versions: {}, items: [], results: [result('i1', 'rag', 'a', SECRET), result('i2', 'rag', 'b', 'Other words.')], summary: {} };
    await store.setMeta({ tenant: 't', key: storedEvalRunKey('r1'), value: JSON.stringify({ run, principal: 'user:ann', jobId: 'j1' }) });
    await store.setMeta({ tenant: 't', key: storedEvalRunKey('r2'), value: JSON.stringify({ run: { ...run, id: 'r2', results: [result('i2', 'rag', 'b', 'Other words.')] }, principal: 'user:ann', jobId: 'j2' }) });
    const receipt = await forgetDocuments({ store, tenant: 't', ids: ['a'] });
    assert.deepEqual(receipt.places.map((p) => [p.place, p.path, p.count]), [['store', ':memory:', 1], ['eval-run', `:memory:#${storedEvalRunKey('r1')}`, 1]]);
    const kept = JSON.parse((await store.getMeta({ tenant: 't', key: storedEvalRunKey('r1') }))!) as { principal: string; run: EvalRun };
    assert.ok(!JSON.stringify(kept).includes(SECRET), 'no quote of the deleted document left in the stored run');
    assert.equal(kept.principal, 'user:ann');
    assert.deepEqual(kept.run.results.map((r) => [r.itemId, Boolean(r.redacted)]), [['i1', true], ['i2', false]]);
    assert.deepEqual(receipt.counts, { versions: 1, chunks: 1, auditEntriesRedacted: 0, cachedContexts: 0 });
    await store.close();
  });

  it('without a data directory touches only the store', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await store.commit({ tenant: 't', writes: [write('a', SECRET, 1)] });
    const receipt = await forgetDocuments({ store, tenant: 't', ids: ['a'] });
    assert.deepEqual(receipt.places.map((p) => p.place), ['store']);
    assert.equal(receipt.erasure.status, 'not-applicable');
    await store.close();
  });
});
