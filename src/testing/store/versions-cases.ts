/** Conformance: create / unchanged / update semantics, version history, chunk identity, atomic batches. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { hasVectors, makeWrite, rejectsWithCode, withStore } from './fixtures.js';

export function versionCases(create: () => Promise<Store>): void {
  const tenant = 't1';

  it('creates a document as version 1 with its chunks', () =>
    withStore(create, async (store) => {
      const w = makeWrite({ id: 'a', paragraphs: ['First paragraph about otters.', 'Second about beavers.'], metadata: { team: 'x' }, at: 500 });
      w.document.modifiedAt = 400;
      const { results } = await store.commit({ tenant, writes: [w] });
      assert.equal(results.length, 1);
      const r = results[0]!;
      assert.deepEqual({ ...r, versionId: undefined }, { documentId: 'a', versionId: undefined, version: 1, status: 'created', chunks: 2 });
      const doc = await store.getDocument({ tenant, id: 'a' });
      assert.ok(doc);
      assert.equal(doc.collection, 'default');
      assert.equal(doc.title, 'Title a');
      assert.equal(doc.source, 'src/a.md');
      assert.equal(doc.format, 'markdown');
      assert.equal(doc.contentHash, w.contentHash);
      assert.equal(doc.currentVersionId, r.versionId);
      assert.equal(doc.versionCount, 1);
      assert.deepEqual(doc.metadata, { team: 'x' });
      assert.equal(doc.createdAt, 500);
      assert.equal(doc.updatedAt, 500);
      assert.equal(doc.modifiedAt, 400);
      const chunks = await store.listChunks({ tenant, documentId: 'a' });
      assert.deepEqual(chunks.map((c) => c.id), [`${r.versionId}:0`, `${r.versionId}:1`]);
      for (const c of chunks) {
        assert.equal(w.document.text.slice(c.start, c.end), c.text);
        assert.equal(c.tenant, tenant);
        assert.equal(c.documentId, 'a');
        assert.equal(c.versionId, r.versionId);
        assert.equal(c.role, 'leaf');
        assert.deepEqual(c.headingPath, ['Top', 'a']);
        assert.deepEqual(c.pages, [1]);
      }
      assert.deepEqual(chunks.map((c) => c.ordinal), [0, 1]);
    }));

  it('links children to parents and stores index contexts', () =>
    withStore(create, async (store) => {
      const w = makeWrite({ id: 'p', paragraphs: ['Child one text.', 'Child two text.'], parent: true, contexts: ['ctx one', 'ctx two'] });
      const [r] = (await store.commit({ tenant, writes: [w] })).results;
      const chunks = await store.listChunks({ tenant, documentId: 'p' });
      assert.deepEqual(chunks.map((c) => c.role), ['parent', 'leaf', 'leaf']);
      assert.equal(chunks[0]!.parentId, undefined);
      assert.equal(chunks[1]!.parentId, `${r!.versionId}:0`);
      assert.equal(chunks[2]!.context, 'ctx two');
      assert.equal(chunks[1]!.text, 'Child one text.');
    }));

  it('reports unchanged content without writing, and a change as a new version', () =>
    withStore(create, async (store) => {
      const v1 = makeWrite({ id: 'a', paragraphs: ['Version one text.'], at: 100 });
      const [first] = (await store.commit({ tenant, writes: [v1] })).results;
      const [same] = (await store.commit({ tenant, writes: [{ ...v1, at: 150 }] })).results;
      assert.equal(same!.status, 'unchanged');
      assert.equal(same!.versionId, first!.versionId);
      assert.equal(same!.version, 1);
      assert.equal(same!.chunks, 1);
      assert.equal((await store.getDocument({ tenant, id: 'a' }))!.updatedAt, 100);
      const v2 = makeWrite({ id: 'a', paragraphs: ['Version two text.', 'More.'], at: 200, title: 'New title' });
      const [second] = (await store.commit({ tenant, writes: [v2] })).results;
      assert.equal(second!.status, 'updated');
      assert.equal(second!.version, 2);
      assert.notEqual(second!.versionId, first!.versionId);
      const doc = (await store.getDocument({ tenant, id: 'a' }))!;
      assert.equal(doc.versionCount, 2);
      assert.equal(doc.currentVersionId, second!.versionId);
      assert.equal(doc.title, 'New title');
      assert.equal(doc.createdAt, 100);
      assert.equal(doc.updatedAt, 200);
      const versions = await store.listVersions({ tenant, documentId: 'a' });
      assert.deepEqual(versions.map((v) => [v.version, v.status, v.supersededAt]), [[2, 'current', undefined], [1, 'superseded', 200]]);
      assert.equal(versions[1]!.text, v1.document.text);
      assert.equal(versions[1]!.contentHash, v1.contentHash);
      const old = await store.listChunks({ tenant, documentId: 'a', versionId: first!.versionId });
      assert.deepEqual(old.map((c) => c.text), ['Version one text.']);
      assert.equal((await store.listChunks({ tenant, documentId: 'a' })).length, 2);
      assert.equal((await store.getChunks({ tenant, ids: [`${first!.versionId}:0`] })).length, 1, 'superseded chunks stay readable for audit');
      assert.deepEqual(await store.countDocuments({ tenant }), { documents: 1, versions: 2, chunks: 3 });
    }));

  it('never searches superseded versions, by keyword or by vector', () =>
    withStore(create, async (store) => {
      await store.commit({ tenant, writes: [makeWrite({ id: 'a', paragraphs: ['The zebra grazes.'], vectors: [[1, 0, 0]] })] });
      await store.commit({ tenant, writes: [makeWrite({ id: 'a', paragraphs: ['The giraffe browses.'], vectors: [[0, 1, 0]], at: 2_000 })] });
      assert.deepEqual(await store.searchKeyword({ tenant, query: 'zebra', topK: 10 }), []);
      assert.equal((await store.searchKeyword({ tenant, query: 'giraffe', topK: 10 })).length, 1);
      if (hasVectors(store)) {
        const hits = await store.searchVector({ tenant, vector: Float32Array.from([1, 0, 0]), topK: 10 });
        assert.deepEqual(hits.map((h) => h.chunk.text), ['The giraffe browses.']);
      }
    }));

  it('indexes leaf chunks only, using indexTexts when given', () =>
    withStore(create, async (store) => {
      const w = makeWrite({ id: 'p', paragraphs: ['Alpha child.', 'Beta child.'], parent: true, indexTexts: ['Alpha child. contextword', 'Beta child.'] });
      w.document.text += '\n\nParentonlyword tail.';
      w.chunks[0] = { ...w.chunks[0]!, text: w.document.text, end: w.document.text.length };
      await store.commit({ tenant, writes: [w] });
      assert.deepEqual(await store.searchKeyword({ tenant, query: 'parentonlyword', topK: 5 }), []);
      const hits = await store.searchKeyword({ tenant, query: 'contextword', topK: 5 });
      assert.deepEqual(hits.map((h) => h.chunk.text), ['Alpha child.']);
    }));

  it('stores a batch atomically: a failing write leaves nothing behind', () =>
    withStore(create, async (store) => {
      const good = makeWrite({ id: 'good', paragraphs: ['Fine text.'], vectors: [[1, 0, 0]] });
      const bad = makeWrite({ id: 'bad', paragraphs: ['Other text.'], vectors: [[1, 0, 0, 0]] });
      if (hasVectors(store)) {
        await rejectsWithCode(store.commit({ tenant, writes: [good, bad] }), 'EMBEDDING_MISMATCH');
        assert.equal(await store.getDocument({ tenant, id: 'good' }), undefined);
        assert.deepEqual(await store.countDocuments({ tenant }), { documents: 0, versions: 0, chunks: 0 });
      }
      const broken = makeWrite({ id: 'broken', paragraphs: ['Some text.'] });
      broken.chunks[0] = { ...broken.chunks[0]!, end: 3 };
      await rejectsWithCode(store.commit({ tenant, writes: [good, broken] }), 'INVALID_ARGUMENT');
      assert.equal(await store.getDocument({ tenant, id: 'good' }), undefined);
    }));

  it('rejects a missing tenant', async () => {
    await withStore(create, async (store) => {
      await rejectsWithCode(store.commit({ tenant: '', writes: [makeWrite({ id: 'a', paragraphs: ['x'] })] }), 'TENANT_REQUIRED');
      await rejectsWithCode(store.searchKeyword({ tenant: '', query: 'x', topK: 1 }), 'TENANT_REQUIRED');
    });
  });

  it('indexes only the last of two versions of one document written in the same batch', () =>
    withStore(create, async (store) => {
      const writes = [makeWrite({ id: 'twice', paragraphs: ['An early walrus draft.'] }), makeWrite({ id: 'twice', paragraphs: ['The final heron text.'], at: 2_000 })];
      assert.deepEqual((await store.commit({ tenant, writes })).results.map((r) => [r.status, r.version]), [['created', 1], ['updated', 2]]);
      assert.equal((await store.searchKeyword({ tenant, query: 'walrus', topK: 5 })).length, 0);
      const [hit] = await store.searchKeyword({ tenant, query: 'heron', topK: 5 });
      assert.equal(hit?.document.id, 'twice');
      // The superseded version left no index rows behind: statistics (and so scores) equal a tenant holding only the last.
      await store.commit({ tenant: 'only-last', writes: [writes[1]!] });
      assert.equal(hit.score, (await store.searchKeyword({ tenant: 'only-last', query: 'heron', topK: 5 }))[0]!.score);
    }));
}
