import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvalRun } from '../../spec/evaluation.js';
import type { Identity } from '../../spec/server.js';
import { createSqliteStore } from '../../store/sqlite/index.js';
import { listEvalRuns, saveEvalRun, type StoredEvalRun } from './eval-run-store.js';

const stored = (id: string, createdAt: number, principal: string): StoredEvalRun => ({
  run: { id, createdAt, dataset: { path: 'g.jsonl', sha256: 'x', items: 3 }, modes: ['rag'], config: {}, configHash: 'h', versions: {}, items: [], results: [], summary: { rag: { f1: 0.5 } } } as unknown as EvalRun,
  principal, asPrincipal: { id: principal }, jobId: `job-${id}`,
});
const identity = (principal: string, role: Identity['role']): Identity => ({ tenant: 't', principal, groups: [], role, via: 'api-key' });

describe('server evaluation-run store', () => {
  it('keeps every run when many finish at once (no shared read-modify-write list), oldest first, each visible to its owner and admins', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await Promise.all(Array.from({ length: 12 }, (_, i) => saveEvalRun(store, 't', stored(`r${i}`, 100 - i, i % 2 ? 'user:ann' : 'user:bob'))));
    const all = await listEvalRuns(store, 't');
    assert.equal(all.length, 12, 'no run lost');
    assert.deepEqual(all.map((r) => r.createdAt), [...all.map((r) => r.createdAt)].sort((a, b) => a - b));
    assert.equal((await listEvalRuns(store, 't', identity('user:ann', 'reader'))).length, 6);
    assert.equal((await listEvalRuns(store, 't', identity('user:root', 'admin'))).length, 12);
    await store.close();
  });

  it('still lists runs saved in the older shared list', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await store.setMeta({ tenant: 't', key: 'server:evals', value: JSON.stringify([{ id: 'old', createdAt: 1, principal: 'user:ann', asPrincipal: 'user:ann', jobId: 'j', items: 1, summary: {} }]) });
    await saveEvalRun(store, 't', stored('new', 2, 'user:ann'));
    assert.deepEqual((await listEvalRuns(store, 't')).map((r) => r.id), ['old', 'new']);
    await store.close();
  });
});
