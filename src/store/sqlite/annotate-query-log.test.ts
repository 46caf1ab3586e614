import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import { createSqliteStore } from './sqlite-store.js';

const entry = (id: string, at: number): QueryLogEntry => ({ tenant: 't', id, at, kind: 'ask', query: `q ${id}`, answer: 'a', retrieved: [], latencyMs: { total: 1 } });

describe('SQLite audit log: annotateQueryLog and listQueryLog until', () => {
  it('appends feedback, replaces online scores, finds the entry with or without its time, and stays in its tenant', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    await store.appendQueryLog(entry('a', 10));
    await store.appendQueryLog({ ...entry('a', 10), tenant: 'other' });
    await store.annotateQueryLog!({ tenant: 't', id: 'a', feedback: { rating: 'down', at: 1 } });
    await store.annotateQueryLog!({ tenant: 't', id: 'a', at: 10, feedback: { note: 'n', at: 2 } });
    const online = { at: 3, scorer: 'online-v1', stratum: 't/x', rate: 1, metrics: { abstained: 0 } };
    const updated = await store.annotateQueryLog!({ tenant: 't', id: 'a', online });
    assert.deepEqual(updated!.feedback, [{ rating: 'down', at: 1 }, { note: 'n', at: 2 }]);
    assert.deepEqual((await store.listQueryLog({ tenant: 't' }))[0]!.online, online);
    assert.equal((await store.listQueryLog({ tenant: 'other' }))[0]!.feedback, undefined);
    assert.equal(await store.annotateQueryLog!({ tenant: 't', id: 'missing', online }), undefined);
    assert.equal(await store.annotateQueryLog!({ tenant: 't', id: 'a', at: 11, online }), undefined, 'the time hint must match');
    await store.close();
  });

  it('until bounds the range from above (exclusive)', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    for (const at of [1, 2, 3, 4]) await store.appendQueryLog(entry(`e${at}`, at));
    assert.deepEqual((await store.listQueryLog({ tenant: 't', since: 2, until: 4 })).map((e) => e.id), ['e3', 'e2']);
    await store.close();
  });
});
