/**
 * `fathom store migrate` SQLite → PostgreSQL (PGlite through the pg wire protocol) → SQLite: every document with its
 * version history, chunks, vectors, ACLs, audit log and meta; verified; resumable; and `--store postgres://…` serves
 * the copy (search through the CLI).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { indexText } from '../ingest/index.js';
import type { DocumentWrite } from '../spec/store.js';
import { createPostgresStore } from '../store/postgres/index.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { startPglite } from '../testing/postgres/start-pglite.js';
import { makeWrite } from '../testing/store/fixtures.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

describe('fathom store migrate', () => {
  it('copies SQLite → Postgres → SQLite, verified by counts and checksums, resumable, and --store postgres:// searches the copy', { timeout: 180_000 }, async () => {
    const server = await startPglite();
    after(() => server.stop());
    const dir = mkdtempSync(join(tmpdir(), 'fathom-migrate-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const url = server.connectionString;
    const db = join(dir, 'source.db');
    const source = await createSqliteStore({ path: db });
    // Index texts as `fathom ingest` builds them (title + headings + text): the copy rebuilds them the same way.
    const asIngested = (w: DocumentWrite): DocumentWrite => ({ ...w, indexTexts: w.chunks.map((draft) => indexText({ title: w.document.title, draft })) });
    const docs = Array.from({ length: 12 }, (_, i) => makeWrite({ id: `doc-${i}`, paragraphs: [`harbour ferry ${i} lighthouse`, `tide number ${i * 7} anchor`], vectors: [[1, i, 0], [0, 1, i]], metadata: { i }, at: 100 + i })).map(asIngested);
    await source.commit({ tenant: 'acme', writes: docs });
    await source.commit({ tenant: 'acme', writes: [asIngested(makeWrite({ id: 'doc-3', paragraphs: ['harbour rewritten', 'second version'], vectors: [[1, 1, 1], [2, 0, 1]], at: 500 }))] });
    await source.setDocumentAcl({ tenant: 'acme', id: 'doc-5', acl: { principals: ['user:alice'], groups: ['eng'] } });
    await source.commit({ tenant: 'beta', writes: [makeWrite({ id: 'b', paragraphs: ['beta tenant text'] })] });
    await source.appendQueryLog({ tenant: 'acme', id: 'q1', at: 7, kind: 'search', query: 'harbour', retrieved: [], latencyMs: {} });
    await source.setMeta({ tenant: 'acme', key: 'embedding', value: 'model-a:3' });
    await source.close();

    const first = await runCliCaptured({ cwd: dir, args: ['store', 'migrate', '--from', db, '--to', url, '--json'] });
    assert.equal(first.code, 0, first.err + first.out);
    const report = first.json();
    assert.equal(report.verified, true);
    assert.deepEqual(report.tenants.map((t: { tenant: string }) => t.tenant), ['acme', 'beta']);
    assert.deepEqual(report.tenants[0].counts.target, { documents: 12, versions: 13, chunks: 26 });
    assert.equal(report.tenants[0].vectors, 24);

    // Resume: two documents lost from the target (an interrupted run) are copied again, the rest skipped.
    const pg = await createPostgresStore({ connectionString: url, maxConnections: 1 });
    await pg.deleteDocuments({ tenant: 'acme', ids: ['doc-0', 'doc-3'] });
    await pg.close();
    const again = await runCliCaptured({ cwd: dir, args: ['store', 'migrate', '--from', db, '--to', url, '--json'] });
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(again.json().tenants[0].documents, { copied: 2, skipped: 10 });
    assert.equal(again.json().verified, true);

    const search = await runCliCaptured({ cwd: dir, args: ['search', 'lighthouse', '--store', url, '--tenant', 'acme', '--json'] });
    assert.equal(search.code, 0, search.err);
    assert.ok(JSON.stringify(search.json()).includes('doc-'), 'the CLI searches the PostgreSQL store');

    const back = join(dir, 'back.db');
    const third = await runCliCaptured({ cwd: dir, args: ['store', 'migrate', '--from', url, '--to', back, '--json'] });
    assert.equal(third.code, 0, third.err);
    assert.equal(third.json().verified, true);
    const [a, b] = [await createSqliteStore({ path: db }), await createSqliteStore({ path: back })];
    try {
      for (const query of ['harbour lighthouse', 'tide anchor 21']) {
        // Equal scores; equal-score ties may change order (they rank by insertion, and the copy inserts in id order).
        const hits = async (s: typeof a) => (await s.searchKeyword({ tenant: 'acme', query, topK: 50 })).map((h) => `${h.document.id}|${h.chunk.ordinal}|${h.score}`).sort();
        assert.deepEqual(await hits(b), await hits(a), query);
      }
      const vec = async (s: typeof a) => (await s.searchVector({ tenant: 'acme', vector: Float32Array.from([1, 2, 0]), topK: 50, includeVectors: true })).map((h) => `${h.chunk.text}|${[...h.vector!]}`).sort();
      assert.deepEqual(await vec(b), await vec(a));
      assert.deepEqual((await b.getDocument({ tenant: 'acme', id: 'doc-5' }))?.acl, { principals: ['user:alice'], groups: ['eng'] });
      assert.equal(await b.getMeta({ tenant: 'acme', key: 'embedding' }), 'model-a:3');
      assert.deepEqual((await b.listQueryLog({ tenant: 'acme' })).map((e) => e.id), ['q1']);
      assert.deepEqual((await b.listVersions({ tenant: 'acme', documentId: 'doc-3' })).map((v) => [v.version, v.status]), [[2, 'current'], [1, 'superseded']]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses the same store as source and target', async () => {
    const r = await runCliCaptured({ cwd: tmpdir(), args: ['store', 'migrate', '--from', 'postgres://x@127.0.0.1:1/db', '--to', 'postgres://x@127.0.0.1:1/db'] });
    assert.equal(r.code, 2);
    assert.match(r.err, /same store/);
  });
});
