/**
 * `fathom serve --workers 2` as real processes (node:cluster): one port, both workers answering, `/metrics`
 * summed over the workers whichever answers the scrape, a killed worker restarted, SIGTERM stopping them all.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from '../__fixtures__/run-cli.js';
import { spawnServe, type ServeProcess } from '../__fixtures__/spawn-serve.js';

let dir: string;
let key: string;
let proc: ServeProcess;
let url: string;

const searches = (text: string): number => {
  let n = 0;
  for (const m of text.matchAll(/^fathom_http_requests_total\{([^}]*)\} (\d+)/gm)) if (m[1]!.includes('route="/v1/search"')) n += Number(m[2]);
  return n;
};
const waitFor = async (what: () => boolean, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error(`timed out: ${proc.logs()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-workers-'));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\nThe Enterprise plan costs 54 dollars per seat per month.\n');
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ server: { rateLimit: false } }));
  assert.equal((await runCliCaptured({ cwd: dir, args: ['ingest', 'kb', '--tenant', 'acme'] })).code, 0);
  key = (await runCliCaptured({ cwd: dir, args: ['keys', 'create', '--tenant', 'acme', '--principal', 'user:ops', '--role', 'admin', '--json'] })).json().key;
  proc = spawnServe({ cwd: dir, args: ['--workers', '2'] });
  url = await proc.url;
  await waitFor(() => proc.logs().includes('all workers listening'));
});
after(() => {
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
  for (const pid of _pids()) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  rmSync(dir, { recursive: true, force: true });
});
function _pids(): number[] {
  return [...proc.logs().matchAll(/"pids":\[([\d,]+)\]/g)].flatMap((m) => m[1]!.split(',').map(Number));
}

describe('fathom serve --workers 2 (real processes)', () => {
  it('serves on one port from two workers; /metrics counts every worker\'s requests whichever answers', { timeout: 60_000 }, async () => {
    const listening = JSON.parse(proc.logs().split('\n').find((l) => l.includes('all workers listening'))!) as { workers: number; pids: number[] };
    assert.equal(listening.workers, 2);
    assert.equal(new Set(listening.pids).size, 2);
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    // New connections each time (no keep-alive): the primary hands them round-robin to the workers.
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${url}/v1/search`, { method: 'POST', headers: { ...auth, connection: 'close' }, body: JSON.stringify({ query: 'Enterprise plan price' }) });
      assert.equal(r.status, 200);
      await r.text();
    }
    const instances = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const text = await (await fetch(`${url}/metrics`, { headers: { connection: 'close' } })).text();
      assert.equal(searches(text), 12, text);
    }
    for (const line of proc.logs().split('\n')) {
      const m = /"worker":(\d)/.exec(line);
      if (m && line.includes('"route":"/v1/search"')) instances.add(m[1]!);
    }
    assert.deepEqual([...instances].sort(), ['0', '1'], 'both workers answered searches');
  });

  it('restarts a worker that dies, and keeps answering', { timeout: 60_000 }, async () => {
    const [first] = _pids();
    process.kill(first!, 'SIGKILL');
    await waitFor(() => proc.logs().includes('worker exited: restarting it'));
    await waitFor(() => proc.logs().split('all workers listening').length > 2 || /"worker":\d[^\n]*"msg":"listening"/.test(proc.logs().split('worker exited: restarting it')[1] ?? ''));
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${url}/v1/search`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query: 'Enterprise plan price' }) });
      assert.equal(r.status, 200);
      await r.text();
    }
  });

  it('on SIGTERM stops every worker, then exits 0', { timeout: 60_000 }, async () => {
    proc.child.kill('SIGTERM');
    assert.equal(await proc.exited, 0, proc.logs());
    assert.match(proc.logs(), /"msg":"stopped"/);
    for (const pid of _pids().slice(-2)) assert.throws(() => process.kill(pid, 0), 'no worker left running');
  });

  it('stops with the workers\' exit code when they cannot start (port in use), instead of restarting them forever', { timeout: 60_000 }, async () => {
    const taken = createNetServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    try {
      const port = String((taken.address() as { port: number }).port);
      const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'bin', 'fathom.js'), 'serve', '--workers', '2', '--port', port], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let logs = '';
      child.stdout.on('data', (d: Buffer) => void (logs += d.toString()));
      child.stderr.on('data', (d: Buffer) => void (logs += d.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
      if (code === 'hung') child.kill('SIGKILL');
      assert.equal(code, 2, logs);
      assert.match(logs, /worker failed to start: stopping/);
      assert.doesNotMatch(logs, /restarting it/);
    } finally {
      taken.close();
    }
  });

  it('refuses a bad --workers value with exit 2', async () => {
    const r = await runCliCaptured({ cwd: dir, args: ['serve', '--workers', '0'] });
    assert.equal(r.code, 2);
    assert.match(r.err, /--workers/);
  });
});
