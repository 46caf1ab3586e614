import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DriftReport } from '../../spec/monitor.js';
import type { ServerJob } from '../../spec/server.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
  for (const question of ['How is customer data encrypted at rest?', 'What does the Enterprise plan cost?', 'How long do refunds take?']) {
    assert.equal((await t.req('/v1/ask', { json: { question } })).status, 200);
  }
});
after(() => t.close());

async function waitJob(id: string): Promise<ServerJob & { result?: { read: number; scored: number } }> {
  for (;;) {
    const job = (await (await t.req(`/v1/jobs/${id}`, { key: t.keys.admin })).json()) as ServerJob & { result?: { read: number; scored: number } };
    if (!['queued', 'running'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('POST /v1/monitor/score', () => {
  it('scores sampled answers as a job and stores the scores with each audit entry; a second run resumes after the cursor', async () => {
    const r = await t.req('/v1/monitor/score', { key: t.keys.admin, json: { rate: 1 } });
    assert.equal(r.status, 202);
    const job = await waitJob(((await r.json()) as ServerJob).id);
    assert.equal(job.status, 'succeeded', JSON.stringify(job));
    assert.equal(job.result?.scored, 3);
    const entries = (await t.store.listQueryLog({ tenant: 't1' })).filter((e) => e.kind === 'ask');
    assert.equal(entries.length, 3);
    assert.ok(entries.every((e) => e.online?.scorer === 'online-v1'), 'every answered entry carries its online scores');
    const again = await waitJob(((await (await t.req('/v1/monitor/score', { key: t.keys.admin, json: { rate: 1 } })).json()) as ServerJob).id);
    assert.equal(again.result?.scored, 0);
  });

  it('refuses a writer (403) and an invalid body (400)', async () => {
    assert.equal((await t.req('/v1/monitor/score', { key: t.keys.writer, json: {} })).status, 403);
    assert.equal((await t.req('/v1/monitor/score', { key: t.keys.admin, json: { rate: 2 } })).status, 400);
  });
});

describe('GET /v1/monitor/drift', () => {
  it('returns the drift report of the tenant with each signal and its threshold', async () => {
    const r = await t.req('/v1/monitor/drift?window=hour&baseline=3', { key: t.keys.admin });
    assert.equal(r.status, 200);
    const report = (await r.json()) as DriftReport;
    assert.equal(report.tenant, 't1');
    assert.equal(report.window.to - report.window.from, 3_600_000);
    assert.equal(report.baseline.to - report.baseline.from, 3 * 3_600_000);
    assert.ok(report.signals.length > 0);
    assert.equal(typeof report.alert, 'boolean');
  });

  it('refuses a reader (403) and a bad window (400)', async () => {
    assert.equal((await t.req('/v1/monitor/drift', { key: t.keys.reader })).status, 403);
    assert.equal((await t.req('/v1/monitor/drift?window=year', { key: t.keys.admin })).status, 400);
    assert.equal((await t.req('/v1/monitor/drift?baseline=0', { key: t.keys.admin })).status, 400);
  });
});

describe('GET /v1/monitor/drift/series', () => {
  it('returns one drift report per window, oldest first, each window one length after the last', async () => {
    const r = await t.req('/v1/monitor/drift/series?window=hour&baseline=2&points=4', { key: t.keys.admin });
    assert.equal(r.status, 200);
    const { reports } = (await r.json()) as { reports: DriftReport[] };
    assert.equal(reports.length, 4);
    for (let i = 1; i < 4; i++) assert.equal(reports[i]!.window.from, reports[i - 1]!.window.to);
    assert.ok(reports.every((x) => x.signals.length > 0 && x.baseline.to === x.window.from));
    assert.equal(reports.at(-1)!.signals.find((x) => x.name === 'abstention-rate')!.n.current, 3, 'the last window holds the three answers');
  });

  it('refuses a writer (403) and bad points (400)', async () => {
    assert.equal((await t.req('/v1/monitor/drift/series', { key: t.keys.writer })).status, 403);
    assert.equal((await t.req('/v1/monitor/drift/series?points=0', { key: t.keys.admin })).status, 400);
    assert.equal((await t.req('/v1/monitor/drift/series?points=61', { key: t.keys.admin })).status, 400);
  });
});
