/**
 * The serve bench's multi-process row: the product's `fathom serve --workers N` (node:cluster workers on one port
 * and one SQLite store) on the bench store, on a free loopback port, logging at `warn` like the single-process
 * row's silent server. The keys are made here (the same principals as the single-process row).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

const _freePort = () => new Promise<number>((resolve) => {
  const s = createNetServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

export async function startServeWorkers({ workers, path, tenant }: { workers: number; path: string; tenant: string }): Promise<{ url: string; key: string; writerKey: string; child: ChildProcess }> {
  const store = await createSqliteStore({ path });
  const { key } = await createApiKey({ store, tenant, principal: 'user:bench', role: 'reader' });
  const { key: writerKey } = await createApiKey({ store, tenant, principal: 'user:bench-writer', role: 'writer' });
  await store.close();
  const cwd = mkdtempSync(join(tmpdir(), 'fathom-bench-workers-'));
  writeFileSync(join(cwd, 'fathom.config.json'), JSON.stringify({ server: { rateLimit: false } }));
  const port = await _freePort();
  const bin = join(import.meta.dirname, '..', 'bin', 'fathom.js');
  const child = spawn(process.execPath, [bin, 'serve', '--workers', String(workers), '--port', String(port), '--log-level', 'warn', '--store', path], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`fathom serve --workers exited ${child.exitCode}`);
    if (Date.now() > until) throw new Error('fathom serve --workers did not answer /healthz in 120 s');
    const ok = await fetch(`${url}/healthz`, { headers: { connection: 'close' } }).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // The first worker answers; the others were forked at the same time: give them the same start-up time again.
  await new Promise((r) => setTimeout(r, 3000));
  return { url, key, writerKey, child };
}
