/**
 * Scale-out on a real PostgreSQL server: two `fathom serve --store postgres://…` processes answer a search loop while
 * two `fathom ingest --store postgres://…` processes load the same folder; one ingest is killed with SIGKILL in the
 * middle of a batch and re-run. Afterwards every file is stored exactly once (no duplicate documents or versions)
 * and no request to either server failed. Skipped when the PostgreSQL binaries are missing.
 *
 * The kill is deterministic on any machine speed: the test holds the tenant's writer lock, so the ingests block at
 * their first commit; it lets one batch of each through (`cycle()`), then kills ingest A while A's next batch waits
 * for the lock inside an open transaction (seen in pg_locks under A's PGAPPNAME).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { createPostgresStore } from '../../store/postgres/index.js';
import { holdTenantLock } from '../../testing/postgres/hold-tenant-lock.js';
import { postgresServerUnavailable, startPostgresServer } from '../../testing/postgres/start-postgres-server.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

const bin = join(resolve(fileURLToPath(new URL('../../..', import.meta.url))), 'bin', 'fathom.js');

function fathom(cwd: string, args: string[], name = 'fathom'): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGAPPNAME: name } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
}

const until = async (what: string, done: () => Promise<boolean> | boolean, timeoutMs = 180_000): Promise<void> => {
  for (const end = Date.now() + timeoutMs; !(await done()); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
};

describe('fathom serve ×2 + fathom ingest ×2 on one PostgreSQL', { skip: postgresServerUnavailable() }, () => {
  it('no failed request, every file stored once after an ingest SIGKILLed mid-batch is re-run', { timeout: 420_000 }, async () => {
    const server = await startPostgresServer();
    after(() => server.stop());
    const url = server.connectionString;
    const dir = mkdtempSync(join(tmpdir(), 'fathom-serve-pg-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    // No rate limit (the search loop is the only client); 15 batches per ingest; writers may wait on the test's lock
    // longer than the default 30 s statement timeout on a loaded machine.
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ ingest: { batchSize: 10 }, server: { rateLimit: false }, store: { postgres: { statementTimeoutMs: 0 } } }));
    mkdirSync(join(dir, 'kb'));
    for (let i = 0; i < 150; i++) writeFileSync(join(dir, 'kb', `note-${String(i).padStart(3, '0')}.md`), `# Note ${i}\n\nThe harbour ferry ${i} leaves at ${i % 24}:00 from pier ${i % 7}.\n\nRefunds for ticket ${i} take ${i % 30} days.\n`);
    const lock = await holdTenantLock({ connectionString: url, tenant: 'acme' });
    after(() => lock.release());
    const key = (await runCliCaptured({ cwd: dir, args: ['keys', 'create', '--store', url, '--tenant', 'acme', '--principal', 'user:bob', '--json'] })).json().key as string;
    const ingest = (name: string) => fathom(dir, ['ingest', 'kb', '--store', url, '--tenant', 'acme', '--progress', 'none'], name);
    // Everything starts at once (process start-up dominates on a loaded machine); the ingests block on the lock.
    const servers = [fathom(dir, ['serve', '--store', url, '--port', '0', '--log-level', 'info']), fathom(dir, ['serve', '--store', url, '--port', '0', '--log-level', 'info'])];
    const a = ingest('ingest-a');
    const b = ingest('ingest-b');
    after(() => [...servers, a, b].forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL')));
    const urls = await Promise.all(servers.map(async (s) => {
      await until('a server to listen', () => {
        if (s.child.exitCode !== null) throw new Error(s.output());
        return /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.test(s.output());
      });
      return /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(s.output())![1]!;
    }));
    let stop = false;
    const failures: string[] = [];
    let requests = 0;
    const loop = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await fetch(`${urls[i % 2]}/v1/search`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: 'harbour ferry refunds' }) });
          requests++;
          if (r.status !== 200) failures.push(`${r.status} ${await r.text()}`);
          else await r.arrayBuffer();
        } catch (error) {
          failures.push(String(error));
        }
        await new Promise((r) => setTimeout(r, 20)); // a steady client, not a CPU hog competing with the ingests
      }
    })();
    const probe = await createPostgresStore({ connectionString: url, maxConnections: 1 });
    after(() => probe.close());
    const aBlocked = async () => {
      if (a.child.exitCode !== null) throw new Error(`ingest A ended before the kill: ${a.output()}`);
      return (await lock.waiting()).includes('ingest-a');
    };
    // Let batches through until some are committed and A waits again with its next batch in an open transaction.
    for (;;) {
      await until('ingest A to wait for the tenant lock', aBlocked);
      if ((await probe.countDocuments({ tenant: 'acme' })).documents > 0) break;
      await lock.cycle();
    }
    const before = await probe.countDocuments({ tenant: 'acme' });
    assert.ok(before.documents > 0 && before.documents < 150, `killed mid-run (${before.documents} of 150 stored)`);
    a.child.kill('SIGKILL');
    assert.equal(await a.exited, null, `A was killed mid-batch: ${a.output()}`);
    const again = ingest('ingest-again');
    await lock.release();
    assert.equal(await b.exited, 0, b.output());
    assert.equal(await again.exited, 0, again.output());
    stop = true;
    await loop;
    assert.deepEqual(failures, [], 'no request failed on either server');
    assert.ok(requests > 0);
    const counts = await probe.countDocuments({ tenant: 'acme' });
    assert.deepEqual([counts.documents, counts.versions, counts.chunks], [150, 150, 150]);
    const docs = await probe.listDocuments({ tenant: 'acme' });
    assert.equal(new Set(docs.map((d) => d.id)).size, 150);
    assert.ok(docs.every((d) => d.versionCount === 1), 'no document stored twice as a new version');
  });
});
