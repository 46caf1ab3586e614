import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

const code = async (r: Response) => ((await r.json()) as { error: { code: string } }).error.code;

describe('POST /v1/jobs/{id}/cancel', () => {
  it('needs a writer, stays in the tenant, names unknown jobs, and refuses to cancel a finished job', async () => {
    const form = new FormData();
    form.append('files', new Blob(['{"id":"c-1","text":"Cancellation test record."}\n']), 'c.jsonl');
    const job = (await (await t.req('/v1/ingest', { key: t.keys.writer, method: 'POST', body: form })).json()) as { id: string; status: string };
    let status = job.status;
    for (let i = 0; i < 200 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = ((await (await t.req(`/v1/jobs/${job.id}`)).json()) as { status: string }).status;
    }
    assert.equal(status, 'succeeded');
    const cancel = (id: string, key: string) => t.req(`/v1/jobs/${id}/cancel`, { key, method: 'POST' });
    const reader = await cancel(job.id, t.keys.reader);
    assert.deepEqual([reader.status, await code(reader)], [403, 'FORBIDDEN']);
    const other = await cancel(job.id, t.keys.other);
    assert.deepEqual([other.status, await code(other)], [404, 'NOT_FOUND'], 'another tenant does not see the job');
    const unknown = await cancel('job_nope', t.keys.writer);
    assert.deepEqual([unknown.status, await code(unknown)], [404, 'NOT_FOUND']);
    const finished = await cancel(job.id, t.keys.writer);
    assert.deepEqual([finished.status, await code(finished)], [400, 'INVALID_ARGUMENT']);
  });
});
