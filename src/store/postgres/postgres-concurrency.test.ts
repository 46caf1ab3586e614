/**
 * Concurrency on a real PostgreSQL server: two ingest processes writing overlapping documents while this process
 * searches in a loop; one ingest is killed with SIGKILL in the middle of a batch and re-run. Afterwards: exact
 * counts, no duplicate rows, keyword statistics equal to the postings (no lost update), BM25 scores equal to a
 * SQLite store holding the same documents, and no search ever failed. Skipped when the binaries are missing.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { concurrencyDoc } from '../../testing/postgres/__fixtures__/concurrency-docs.js';
import { postgresServerUnavailable, startPostgresServer } from '../../testing/postgres/start-postgres-server.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import { createPostgresStore } from './postgres-store.js';

const worker = fileURLToPath(new URL('../../testing/postgres/__fixtures__/ingest-worker.ts', import.meta.url));
const unavailable = postgresServerUnavailable();

function startWorker(url: string, first: number, count: number, batch: number): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, url, 'conc', 'acme', String(first), String(count), String(batch)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  child.stdout!.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(err);
    resolve(code);
  }));
  return { child, lines, exited };
}

describe('postgres store under concurrent processes (real PostgreSQL)', { skip: unavailable }, () => {
  it('2 ingest processes + a search loop, one ingest killed mid-batch and re-run: exact counts, no duplicates, no errors', { timeout: 240_000 }, async () => {
    const server = await startPostgresServer();
    after(() => server.stop());
    const url = server.connectionString;
    const store = await createPostgresStore({ connectionString: url, schema: 'conc' });
    after(() => store.close());
    // A: documents 0–299, B: 150–449 (150 documents written by both, the same content: unchanged, never twice).
    const a = startWorker(url, 0, 300, 15);
    const b = startWorker(url, 150, 300, 15);
    let searches = 0;
    const errors: unknown[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        try {
          await store.searchKeyword({ tenant: 'acme', query: 'harbour ferry', topK: 10 });
          searches++;
        } catch (error) {
          errors.push(error);
        }
      }
    })();
    // Kill A with SIGKILL right after it starts a batch (its transaction in flight).
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (a.lines.includes('committing 4')) {
          clearInterval(timer);
          a.child.kill('SIGKILL');
          resolve();
        }
      }, 2);
    });
    assert.equal(await a.exited, null, 'A was killed');
    const rerun = startWorker(url, 0, 300, 15);
    assert.equal(await rerun.exited, 0);
    assert.equal(await b.exited, 0);
    stop = true;
    await loop;
    assert.deepEqual(errors, [], 'no search failed');
    assert.ok(searches > 0);

    assert.deepEqual(await store.countDocuments({ tenant: 'acme' }), { documents: 450, versions: 450, chunks: 1_350 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const q = async (sql: string) => (await client.query(sql)).rows[0] as Record<string, unknown>;
      assert.deepEqual(await q('SELECT count(*)::int AS n, count(DISTINCT (tenant_id, id))::int AS d FROM conc.documents'), { n: 450, d: 450 });
      assert.deepEqual(await q("SELECT count(*)::int AS n FROM conc.versions WHERE status = 'current'"), { n: 450 });
      const stats = await q('SELECT s.chunks::int AS chunks, s.total_length::int AS total, (SELECT count(*) FROM conc.keyword_docs)::int AS docs, (SELECT sum(length) FROM conc.keyword_docs)::int AS sum FROM conc.keyword_stats s');
      assert.equal(stats.chunks, 1_350);
      assert.equal(stats.chunks, stats.docs, 'keyword statistics: chunk count equals the indexed chunks');
      assert.equal(stats.total, stats.sum, 'keyword statistics: total length equals the indexed lengths');
    } finally {
      await client.end();
    }
    // Scores (bit for bit) equal a SQLite store with the same 450 documents: statistics and postings were not raced.
    const lite = await createSqliteStore({ path: ':memory:' });
    try {
      await lite.commit({ tenant: 'acme', writes: Array.from({ length: 450 }, (_, i) => concurrencyDoc(i)) });
      for (const query of ['harbour ferry', 'tide gull pier doc17', 'keel mast rope']) {
        // Every hit (ties order by insertion, which concurrent writers interleave: compare as sets of [text, score]).
        const all = async (s: typeof store) => (await s.searchKeyword({ tenant: 'acme', query, topK: 10_000 })).map((h) => `${h.chunk.text}|${h.score}`).sort();
        assert.deepEqual(await all(store), await all(lite), query);
      }
    } finally {
      await lite.close();
    }
  });
});
