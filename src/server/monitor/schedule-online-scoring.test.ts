import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer } from '../create-server.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
  for (const question of ['How is customer data encrypted at rest?', 'What does the Enterprise plan cost?']) assert.equal((await t.req('/v1/ask', { json: { question } })).status, 200);
});
after(() => t.close());

describe('online scoring as a background job (monitor.online)', () => {
  it('scores the answered entries of each tenant at start, as monitor-score jobs', async () => {
    const server = createServer({ store: t.store, config: { rateLimit: false, instanceId: 'bg' }, onlineScoring: { rate: 1, intervalMinutes: 60, tenants: ['t1', 't2'] } });
    try {
      const jobs = await server.onlineScoring!.tick;
      assert.deepEqual(jobs.map((j) => [j.tenant, j.kind, j.principal]), [['t1', 'monitor-score', 'system:online-scoring'], ['t2', 'monitor-score', 'system:online-scoring']]);
      for (;;) {
        const job = await server.jobs.get({ tenant: 't1', id: jobs[0]!.id });
        if (job && !['queued', 'running'].includes(job.status)) {
          assert.equal(job.status, 'succeeded', JSON.stringify(job));
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const entries = (await t.store.listQueryLog({ tenant: 't1' })).filter((e) => e.kind === 'ask');
      assert.equal(entries.length, 2);
      assert.ok(entries.every((e) => e.online?.rate === 1), 'every answered entry was scored');
    } finally {
      await server.drain(1000);
    }
  });

  it('is off unless configured', () => {
    assert.equal(createServer({ store: t.store }).onlineScoring, undefined);
  });
});
