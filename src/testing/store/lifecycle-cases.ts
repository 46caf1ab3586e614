/** Conformance: deletion, document keys and paging, duplicate lookups, the query log and meta. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import type { Store } from '../../spec/store.js';
import { collect, hasVectors, makeWrite, withStore } from './fixtures.js';

const tenant = 'l';

export function lifecycleCases(create: () => Promise<Store>): void {
  it('deletes documents from every read and search', () =>
    withStore(create, async (store) => {
      const sig = { values: [7, 8, 9], bands: ['band-a', 'band-b'] };
      const v1 = makeWrite({ id: 'gone', paragraphs: ['Obsolete walrus facts.'], vectors: [[1, 0]], signature: sig });
      const [r1] = (await store.commit({ tenant, writes: [v1, makeWrite({ id: 'kept', paragraphs: ['Kept heron facts.'], vectors: [[0, 1]] })] })).results;
      const v2 = makeWrite({ id: 'gone', paragraphs: ['Newer walrus facts.', 'Second part.'], vectors: [[1, 0], [1, 0.1]], signature: sig, at: 2_000 });
      const [r2] = (await store.commit({ tenant, writes: [v2] })).results;
      const result = await store.deleteDocuments({ tenant, ids: ['gone', 'never-existed'] });
      const { deleted, missing, versions, chunks } = result; // optional receipt fields (erasure, audit redactions) vary by backend
      assert.deepEqual({ deleted, missing, versions, chunks }, { deleted: ['gone'], missing: ['never-existed'], versions: 2, chunks: 3 });
      assert.equal(await store.getDocument({ tenant, id: 'gone' }), undefined);
      assert.deepEqual(await store.listVersions({ tenant, documentId: 'gone' }), []);
      assert.deepEqual(await store.listChunks({ tenant, documentId: 'gone' }), []);
      assert.deepEqual(await store.getChunks({ tenant, ids: [`${r1!.versionId}:0`, `${r2!.versionId}:1`] }), []);
      assert.deepEqual(await store.searchKeyword({ tenant, query: 'walrus', topK: 5 }), []);
      if (hasVectors(store)) {
        const vec = await store.searchVector({ tenant, vector: Float32Array.from([1, 0]), topK: 5 });
        assert.deepEqual(vec.map((h) => h.document.id), ['kept']);
      }
      assert.deepEqual(await store.findByContentHash({ tenant, contentHash: v2.contentHash }), []);
      assert.deepEqual(await store.findBySignatureBands({ tenant, bands: ['band-a'] }), []);
      assert.deepEqual((await collect(store.listDocumentKeys({ tenant }))).map((k) => k.id), ['kept']);
      assert.deepEqual(await store.countDocuments({ tenant }), { documents: 1, versions: 1, chunks: 1 });
      await store.compact();
      assert.deepEqual((await store.searchKeyword({ tenant, query: 'heron', topK: 5 })).map((h) => h.document.id), ['kept'], 'compact keeps live data');
      const [again] = (await store.commit({ tenant, writes: [v1] })).results;
      assert.deepEqual([again!.status, again!.version], ['created', 1]);
    }));

  it('lists document keys and pages documents by id', () =>
    withStore(create, async (store) => {
      const ids = ['c', 'a', 'e', 'b', 'd'];
      await store.commit({ tenant, writes: ids.map((id, i) => makeWrite({ id, paragraphs: [`Text ${id}.`], collection: i % 2 ? 'two' : 'one' })) });
      const keys = await collect(store.listDocumentKeys({ tenant }));
      assert.deepEqual(keys.map((k) => k.id), ['a', 'b', 'c', 'd', 'e']);
      assert.deepEqual(keys[0], { id: 'a', source: 'src/a.md', contentHash: makeWrite({ id: 'a', paragraphs: ['Text a.'] }).contentHash });
      assert.deepEqual((await collect(store.listDocumentKeys({ tenant, collection: 'two' }))).map((k) => k.id), ['a', 'b']);
      assert.deepEqual((await store.listDocuments({ tenant, limit: 2 })).map((d) => d.id), ['a', 'b']);
      assert.deepEqual((await store.listDocuments({ tenant, limit: 2, afterId: 'b' })).map((d) => d.id), ['c', 'd']);
      assert.deepEqual(await store.countDocuments({ tenant }), { documents: 5, versions: 5, chunks: 5 });
    }));

  it('finds current documents by content hash', () =>
    withStore(create, async (store) => {
      const one = makeWrite({ id: 'one', paragraphs: ['Same words.'] });
      const two = makeWrite({ id: 'two', paragraphs: ['Same words.'] });
      await store.commit({ tenant, writes: [one, two] });
      assert.deepEqual(await store.findByContentHash({ tenant, contentHash: one.contentHash }), [
        { id: 'one', source: 'src/one.md' },
        { id: 'two', source: 'src/two.md' },
      ]);
      await store.commit({ tenant, writes: [makeWrite({ id: 'two', paragraphs: ['Different now.'] })] });
      assert.deepEqual((await store.findByContentHash({ tenant, contentHash: one.contentHash })).map((d) => d.id), ['one']);
      assert.deepEqual(await store.findByContentHash({ tenant, contentHash: 'nope' }), []);
    }));

  it('finds documents sharing an LSH band, with their signatures', () =>
    withStore(create, async (store) => {
      await store.commit({
        tenant,
        writes: [
          makeWrite({ id: 'm1', paragraphs: ['First.'], signature: { values: [1, 2, 4294967295], bands: ['0:aa', '1:bb'] } }),
          makeWrite({ id: 'm2', paragraphs: ['Second.'], signature: { values: [5, 6, 7], bands: ['0:cc', '1:bb'] } }),
          makeWrite({ id: 'm3', paragraphs: ['Third.'], signature: { values: [8, 9, 10], bands: ['0:dd', '1:ee'] } }),
        ],
      });
      const found = await store.findBySignatureBands({ tenant, bands: ['0:aa', '1:bb'] });
      assert.deepEqual(found.map((f) => f.id).sort(), ['m1', 'm2']);
      const m1 = found.find((f) => f.id === 'm1')!;
      assert.ok(m1.signature instanceof Uint32Array);
      assert.deepEqual([...m1.signature], [1, 2, 4294967295]);
      assert.equal(m1.source, 'src/m1.md');
      assert.deepEqual(await store.findBySignatureBands({ tenant, bands: ['9:zz'] }), []);
      await store.commit({ tenant, writes: [makeWrite({ id: 'm2', paragraphs: ['Second, changed, unsigned.'] })] });
      assert.deepEqual((await store.findBySignatureBands({ tenant, bands: ['1:bb'] })).map((f) => f.id), ['m1']);
    }));

  it('appends and lists the query log, newest first, with since and limit', () =>
    withStore(create, async (store) => {
      const entry = (id: string, at: number): QueryLogEntry => ({
        tenant,
        id,
        at,
        kind: 'ask',
        query: `question ${id}`,
        retrieved: [{ chunkId: 'v:0', documentId: 'd', score: 0.5, stages: { bm25: { score: 0.5, rank: 1 } } }],
        model: 'm',
        answer: 'an answer',
        abstained: false,
        latencyMs: { retrieve: 1.5 },
        usage: { promptTokens: 3 },
        costUsd: 0.001,
      });
      await store.appendQueryLog(entry('q1', 100));
      await store.appendQueryLog(entry('q2', 200));
      await store.appendQueryLog(entry('q3', 300));
      assert.deepEqual((await store.listQueryLog({ tenant })).map((e) => e.id), ['q3', 'q2', 'q1']);
      assert.deepEqual((await store.listQueryLog({ tenant, since: 200 })).map((e) => e.id), ['q3', 'q2']);
      assert.deepEqual((await store.listQueryLog({ tenant, limit: 1 })).map((e) => e.id), ['q3']);
      assert.deepEqual((await store.listQueryLog({ tenant, since: 150, limit: 5 }))[1], entry('q2', 200));
    }));

  it("lists one principal's query log entries in the query: older ones behind many newer entries of others still come, others' never", () =>
    withStore(create, async (store) => {
      const entry = (id: string, at: number, principal?: string, t = tenant): QueryLogEntry => ({
        tenant: t, id, at, kind: 'search', query: `q ${id}`, retrieved: [], latencyMs: {}, ...(principal ? { metadata: { principal } } : {}),
      });
      await store.appendQueryLog(entry('mine-1', 100, 'user:alice'));
      await store.appendQueryLog(entry('mine-2', 110, 'user:alice'));
      for (let i = 0; i < 30; i++) await store.appendQueryLog(entry(`bob-${i}`, 200 + i, 'user:bob'));
      await store.appendQueryLog(entry('anonymous', 250));
      await store.appendQueryLog(entry('mine-other-tenant', 260, 'user:alice', 'l-other'));
      await store.appendQueryLog(entry('mine-3', 300, 'user:alice'));
      const ids = async (o: { since?: number; until?: number; limit?: number }) => (await store.listQueryLog({ tenant, principal: 'user:alice', ...o })).map((e) => e.id);
      assert.deepEqual(await ids({}), ['mine-3', 'mine-2', 'mine-1']);
      assert.deepEqual(await ids({ limit: 2 }), ['mine-3', 'mine-2'], 'limit counts the principal\'s entries, not the newest of everyone');
      assert.deepEqual(await ids({ until: 300, limit: 2 }), ['mine-2', 'mine-1']);
      assert.deepEqual(await ids({ since: 105 }), ['mine-3', 'mine-2']);
      assert.deepEqual((await store.listQueryLog({ tenant, principal: 'user:bob', limit: 100 })).length, 30);
      assert.deepEqual(await store.listQueryLog({ tenant, principal: 'user:nobody' }), []);
      assert.equal((await store.listQueryLog({ tenant })).length, 34, 'no principal: every entry');
    }));

  it('gets and sets tenant-scoped meta values', () =>
    withStore(create, async (store) => {
      assert.equal(await store.getMeta({ tenant, key: 'embedding' }), undefined);
      await store.setMeta({ tenant, key: 'embedding', value: 'model-a:384' });
      await store.setMeta({ tenant, key: 'embedding', value: 'model-b:768' });
      await store.setMeta({ tenant: 'other', key: 'embedding', value: 'model-c' });
      assert.equal(await store.getMeta({ tenant, key: 'embedding' }), 'model-b:768');
      assert.equal(await store.getMeta({ tenant: 'other', key: 'embedding' }), 'model-c');
    }));
}
