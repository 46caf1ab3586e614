/**
 * Several real `fathom serve` processes on one SQLite store (WAL): concurrent uploads, searches, answers and
 * job reads spread over two processes, with no error reaching a client and each process seeing the other's
 * writes; and real restarts: a process stopped by SIGTERM (job checkpointed) or SIGKILL (no checkpoint) while
 * an ingest job runs resumes that job when it starts again under the same instance id.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCliCaptured } from '../__fixtures__/run-cli.js';
import { spawnServe } from '../__fixtures__/spawn-serve.js';

let dir: string;
let key: string;
const running = new Set<ChildProcess>();
const BULK = 800;

interface Proc { url: string; child: ChildProcess; logs: () => string; exited: Promise<number | null> }
async function serve(instance: string): Promise<Proc> {
  const p = spawnServe({ cwd: dir, args: ['--instance-id', instance] });
  running.add(p.child);
  void p.exited.then(() => running.delete(p.child));
  return { url: await p.url, child: p.child, logs: p.logs, exited: p.exited };
}

const call = async (url: string, path: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('authorization', `Bearer ${key}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const r = await fetch(`${url}${path}`, { ...rest, headers, ...(json !== undefined ? { method: 'POST', body: JSON.stringify(json) } : {}) });
  const body = (await r.json()) as Record<string, unknown>;
  return { status: r.status, body };
};
const jobOf = async (url: string, id: string) => (await call(url, `/v1/jobs/${id}`)).body as { status: string; progress?: { documents?: number }; result?: { counts: Record<string, number> }; resumed?: number };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fathom-procs-'));
  // Small ingest batches: many commits, so a job is caught mid-way; no drain wait: shutdown checkpoints at once.
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ ingest: { batchSize: 2 }, server: { drainTimeoutMs: 0, rateLimit: false } }));
  mkdirSync(join(dir, 'kb'));
  writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\nThe Enterprise plan costs 54 dollars per seat per month.\n');
  mkdirSync(join(dir, 'bulk'));
  for (let i = 0; i < BULK; i++) writeFileSync(join(dir, 'bulk', `bulk-${String(i).padStart(4, '0')}.md`), `# Note ${i}\n\nItem ${i} of the bulk set mentions zephyr${i} and the harbour.\n`);
  assert.equal((await runCliCaptured({ cwd: dir, args: ['ingest', 'kb', '--tenant', 'acme'] })).code, 0);
  key = (await runCliCaptured({ cwd: dir, args: ['keys', 'create', '--tenant', 'acme', '--principal', 'user:ops', '--role', 'admin', '--json'] })).json().key;
});
after(() => {
  for (const c of running) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('two fathom serve processes on one store', () => {
  let a: Proc;
  let b: Proc;
  before(async () => {
    [a, b] = await Promise.all([serve('a'), serve('b')]);
  });

  it('concurrent uploads, searches, answers and job reads across both: no client error, each sees the other\'s writes', { timeout: 120_000 }, async () => {
    {
      const procs = [a, b];
      const statuses: number[] = [];
      const jobs: Array<{ id: string; via: number }> = [];
      const upload = async (i: number) => {
        const form = new FormData();
        form.append('files', new Blob([`# Memo ${i}\n\nMemo ${i} says the quokka${i} project ships on day ${i}.\n`]), `memo-${i}.md`);
        const r = await fetch(`${procs[i % 2]!.url}/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
        statuses.push(r.status);
        jobs.push({ id: ((await r.json()) as { id: string }).id, via: i % 2 });
      };
      const read = async (i: number) => {
        const p = procs[i % 2]!;
        const r = i % 3 === 0 ? await call(p.url, '/v1/ask', { json: { question: 'What does the Enterprise plan cost per seat?' } }) : await call(p.url, '/v1/search', { json: { query: `quokka${i % 12} memo`, k: 3 } });
        statuses.push(r.status);
      };
      await Promise.all([...Array.from({ length: 12 }, (_, i) => upload(i)), ...Array.from({ length: 48 }, (_, i) => read(i))]);
      // Each job read through the process that did not run it (its record and heartbeat are in the store).
      for (const j of jobs) {
        let status = '';
        for (let n = 0; n < 400 && !['succeeded', 'failed', 'interrupted'].includes(status); n++) {
          status = (await jobOf(procs[1 - j.via]!.url, j.id)).status;
          if (status !== 'succeeded') await new Promise((r) => setTimeout(r, 25));
        }
        assert.equal(status, 'succeeded', `job ${j.id}`);
      }
      assert.deepEqual(statuses.filter((s) => s >= 300), [], 'no error reached a client');
      for (let i = 0; i < 12; i++) {
        const r = await call(procs[1 - (i % 2)]!.url, '/v1/search', { json: { query: `quokka${i}`, k: 1 } });
        assert.equal((r.body.hits as Array<{ document: { id: string } }>)[0]?.document.id, `memo-${i}.md`, "a process sees the other's writes");
      }
    }
  });

  it('an ingest job survives a SIGKILL (no checkpoint) and a SIGTERM (checkpointed) of its process: the other process reports it, each restart resumes it, every document is stored once', { timeout: 180_000 }, async () => {
    let p = a;
    const started = await call(p.url, '/v1/ingest/paths', { json: { paths: [join(dir, 'bulk')] } });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const id = started.body.id as string;
    let job = await jobOf(p.url, id);
    const stopMidway = async (signal: 'SIGTERM' | 'SIGKILL') => {
      const from = job.progress?.documents ?? 0;
      for (let n = 0; n < 4000 && (job.progress?.documents ?? 0) < from + 10 && job.status !== 'succeeded'; n++) job = await jobOf(p.url, id);
      assert.equal(job.status, 'running', `caught mid-way before ${signal}`);
      p.child.kill(signal);
      assert.equal(await p.exited, signal === 'SIGTERM' ? 0 : null);
      // SIGKILL: the owner's heartbeat is still fresh, so the job reads as running; SIGTERM checkpointed it.
      assert.equal((await jobOf(b.url, id)).status, signal === 'SIGTERM' ? 'interrupted' : 'running', `seen from b after ${signal}`);
      p = await serve('a');
      assert.match(p.logs(), new RegExp(`${id}.*resumed unfinished jobs`));
      job = await jobOf(p.url, id);
    };
    await stopMidway('SIGKILL');
    await stopMidway('SIGTERM');
    a = p;
    for (let n = 0; n < 1200 && !['succeeded', 'failed'].includes(job.status); n++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await jobOf(b.url, id);
    }
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.equal(job.resumed, 2);
    const ids: string[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = (await call(b.url, `/v1/documents?limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).body as { documents: Array<{ id: string }>; nextCursor: string | null };
      ids.push(...page.documents.map((d) => d.id).filter((d) => d.includes('bulk-')));
      cursor = page.nextCursor;
    }
    assert.equal(ids.length, BULK, 'every bulk document stored');
    assert.equal(new Set(ids).size, BULK, 'each once');
  });

  it('both stop cleanly on SIGTERM', async () => {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0]);
    assert.doesNotMatch(a.logs() + b.logs(), /SQLITE_BUSY|STORE_BUSY|"level":50/);
  });
});
