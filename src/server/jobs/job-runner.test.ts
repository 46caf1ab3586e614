import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Identity, ServerJob } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { createJobRunner, type JobHandler, type JobRunner } from './job-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-jobs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const identity: Identity = { tenant: 't1', principal: 'user:ada', groups: [], role: 'admin', via: 'api-key' };
let ids = 0;
const runner = (store: Store, instanceId: string, heartbeatMs = 40) => createJobRunner({ store, now: Date.now, generateId: (p = '') => `${p}${instanceId}-${++ids}`, instanceId, heartbeatMs });

/** A job of `steps` steps that checkpoints after each (records how far it got in `done`) and stops when aborted. */
function stepper(done: Map<string, number>, steps: number, stepMs = 15): JobHandler {
  return {
    run: async ({ job, params, resumed, progress, signal }) => {
      const from = resumed ? (done.get(job.id) ?? 0) : 0;
      for (let i = from; i < steps; i++) {
        if (signal.aborted) return { stoppedAt: i };
        await new Promise((r) => setTimeout(r, stepMs));
        done.set(job.id, i + 1);
        progress({ step: i + 1, of: steps });
      }
      return { steps, params, resumedFrom: resumed ? from : null };
    },
  };
}
const until = async (jobs: JobRunner, id: string, ok: (j: ServerJob) => boolean) => {
  for (let i = 0; i < 400; i++) {
    const j = await jobs.get({ tenant: 't1', id });
    if (j && ok(j)) return j;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${id} never reached the state: ${JSON.stringify(await jobs.get({ tenant: 't1', id }))}`);
};

describe('jobs survive restarts', () => {
  it('shutdown interrupts a running job at a checkpoint; the restarted instance resumes it from there and finishes it', async () => {
    const path = join(dir, 'restart.db');
    const done = new Map<string, number>();
    let store = await createSqliteStore({ path });
    let jobs = runner(store, 'a');
    jobs.handle('ingest', stepper(done, 30));
    const started = await jobs.start({ identity, kind: 'ingest', params: { paths: ['/x'] } });
    await until(jobs, started.id, (j) => (done.get(j.id) ?? 0) >= 3);
    await jobs.drain(0);
    const interrupted = await jobs.get({ tenant: 't1', id: started.id });
    assert.equal(interrupted!.status, 'interrupted');
    const checkpoint = done.get(started.id)!;
    assert.ok(checkpoint < 30, 'stopped before the end');
    await store.close();

    store = await createSqliteStore({ path });
    jobs = runner(store, 'a');
    jobs.handle('ingest', stepper(done, 30));
    assert.equal((await jobs.get({ tenant: 't1', id: started.id }))!.status, 'interrupted', 'reported interrupted before resume');
    const resumed = await jobs.resume();
    assert.deepEqual(resumed.map((j) => j.id), [started.id]);
    const finished = await until(jobs, started.id, (j) => j.status === 'succeeded');
    assert.deepEqual(finished.result, { steps: 30, params: { paths: ['/x'] }, resumedFrom: checkpoint });
    assert.equal(finished.resumed, 1);
    assert.deepEqual(await jobs.resume(), [], 'nothing left to resume');
    await store.close();
  });

  it('a process that stopped without a checkpoint: its job reads as interrupted elsewhere once stale, and its instance resumes it', async () => {
    const path = join(dir, 'crash.db');
    const done = new Map<string, number>();
    const store = await createSqliteStore({ path });
    const crashed = runner(store, 'b');
    crashed.handle('ingest', { run: () => new Promise(() => undefined) }); // never ends: the process "dies" with it
    const job = await crashed.start({ identity, kind: 'ingest', params: {} });
    await until(crashed, job.id, (j) => j.status === 'running');
    const other = createJobRunner({ store, now: Date.now, generateId: () => 'x', instanceId: 'c', heartbeatMs: 40, staleMs: 60_000 });
    assert.equal((await other.get({ tenant: 't1', id: job.id }))!.status, 'running', 'a fresh heartbeat: still running on b');
    const later = createJobRunner({ store, now: () => Date.now() + 120_000, generateId: () => 'x', instanceId: 'c', heartbeatMs: 40 });
    assert.equal((await later.get({ tenant: 't1', id: job.id }))!.status, 'interrupted', 'no heartbeat for long: interrupted');

    const restarted = runner(store, 'b');
    restarted.handle('ingest', stepper(done, 2));
    assert.deepEqual((await restarted.resume()).map((j) => j.id), [job.id]);
    assert.equal((await until(restarted, job.id, (j) => j.status === 'succeeded')).resumed, 1);
    await store.close();
  });
});

describe('cancel', () => {
  it('cancels a job where it runs, or from another instance at the next heartbeat; a finished job cannot be cancelled', async () => {
    const store = await createSqliteStore({ path: join(dir, 'cancel.db') });
    const done = new Map<string, number>();
    const a = runner(store, 'a');
    a.handle('ingest', stepper(done, 1000));
    const b = runner(store, 'b');
    b.handle('ingest', stepper(done, 1000));

    const local = await a.start({ identity, kind: 'ingest', params: {} });
    await until(a, local.id, (j) => j.status === 'running');
    assert.equal((await a.cancel({ tenant: 't1', id: local.id }))!.status, 'cancelled');

    const remote = await a.start({ identity, kind: 'ingest', params: {} });
    await until(a, remote.id, (j) => j.status === 'running');
    assert.equal((await b.cancel({ tenant: 't1', id: remote.id }))!.status, 'running', 'requested; a stops it');
    assert.equal((await until(b, remote.id, (j) => j.status !== 'running')).status, 'cancelled');
    assert.ok((done.get(remote.id) ?? 0) < 1000);
    assert.equal(await a.resume().then((r) => r.length), 0, 'cancelled jobs are not resumed');

    await assert.rejects(a.cancel({ tenant: 't1', id: local.id }), /already finished/);
    assert.equal(await a.cancel({ tenant: 't2', id: remote.id }), undefined, 'other tenant');
    await a.drain(1000);
    await b.drain(1000);
    await store.close();
  });
});
