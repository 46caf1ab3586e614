import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EvalRun } from '../spec/evaluation.js';
import type { ServerJob } from '../spec/server.js';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';
import { routeTable } from './schemas/route-table.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
  // security.md: only user:ada (the admin) may read it.
  await t.store.setDocumentAcl({ tenant: 't1', id: 'security.md', acl: { principals: ['user:ada'], groups: [] } });
});
after(() => t.close());

const json = async <T = Record<string, unknown>>(r: Response): Promise<T> => (await r.json()) as T;
const open = [
  { id: 'refund', question: 'Within how many days can an Enterprise customer get a full refund?', answers: ['thirty days'], sources: [{ documentId: 'refunds.md' }] },
  { id: 'price', question: 'What does the Enterprise plan cost per seat per month?', answers: ['54 dollars'], sources: [{ documentId: 'pricing.md' }] },
];
const secret = { id: 'crypto', question: 'How is customer data encrypted at rest?', answers: ['AES-256'], sources: [{ documentId: 'security.md' }] };

async function runEval(key: string, body: Record<string, unknown>): Promise<{ job: ServerJob; run: EvalRun & { asPrincipal?: unknown } }> {
  const r = await t.req('/v1/eval/runs', { key, json: body });
  assert.equal(r.status, 202, JSON.stringify(await r.clone().json()));
  let job = await json<ServerJob>(r);
  assert.equal(job.kind, 'eval');
  for (let i = 0; i < 400 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((res) => setTimeout(res, 25));
    job = await json<ServerJob>(await t.req(`/v1/jobs/${job.id}`, { key }));
  }
  assert.equal(job.status, 'succeeded', JSON.stringify(job));
  const { runId } = job.result as { runId: string };
  const stored = await json<{ run: EvalRun }>(await t.req(`/v1/eval/runs/${runId}`, { key }));
  return { job, run: stored.run };
}

describe('evaluation runs through the API', () => {
  it('runs a golden set as a job with progress; results, diagnosis, decision and reports in JSON, Markdown and HTML; visible to its author and admins only', async () => {
    const { job, run } = await runEval(t.keys.writer, { items: open, modes: ['rag', 'oracle'], name: 'smoke.jsonl' });
    assert.deepEqual(job.progress && { done: job.progress.done, total: job.progress.total }, { done: 4, total: 4 });
    assert.equal(run.results.length, 4);
    assert.equal(run.summary.rag!.correct, 1, JSON.stringify(run.summary));
    assert.equal(run.dataset.path, 'smoke.jsonl');

    const listed = await json<{ runs: Array<{ id: string }> }>(await t.req('/v1/eval/runs', { key: t.keys.writer }));
    assert.ok(listed.runs.some((r) => r.id === run.id));
    assert.equal((await t.req(`/v1/eval/runs/${run.id}`)).status, 404, "a reader does not see another principal's run");
    assert.ok(!(await json<{ runs: Array<{ id: string }> }>(await t.req('/v1/eval/runs'))).runs.some((r) => r.id === run.id));
    assert.equal((await t.req(`/v1/eval/runs/${run.id}`, { key: t.keys.admin })).status, 200, 'an admin does');
    assert.equal((await t.req(`/v1/eval/runs/${run.id}`, { key: t.keys.other })).status, 404, 'never another tenant');

    const diagnosis = await json<{ runId: string; classes: Record<string, unknown>; recommendation: { primary: string } }>(await t.req(`/v1/eval/runs/${run.id}/diagnosis`, { key: t.keys.writer }));
    assert.equal(diagnosis.runId, run.id);
    assert.ok(diagnosis.recommendation.primary);
    const decision = await t.req(`/v1/eval/runs/${run.id}/decision`, { key: t.keys.writer, json: { answers: { knowledgeChanges: 'weekly', citations: 'required' } } });
    assert.equal(decision.status, 200);
    const d = await json<{ recommendation: string; answers: { knowledgeChanges: string }; assumed: string[] }>(decision);
    assert.equal(d.answers.knowledgeChanges, 'weekly');
    assert.ok(!d.assumed.includes('citations'));
    assert.equal((await t.req(`/v1/eval/runs/${run.id}/decision`, { key: t.keys.writer, json: { answers: { knowledgeChanges: 'hourly' } } })).status, 400);

    const html = await t.req(`/v1/eval/runs/${run.id}/report`, { key: t.keys.writer });
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await html.text(), /<html[\s>]/i);
    const md = await t.req(`/v1/eval/runs/${run.id}/report?format=markdown`, { key: t.keys.writer });
    assert.match(md.headers.get('content-type') ?? '', /text\/markdown/);
    assert.match(await md.text(), new RegExp(run.id));
    const model = await json<Record<string, unknown>>(await t.req(`/v1/eval/runs/${run.id}/report?format=json`, { key: t.keys.writer }));
    assert.ok(Object.keys(model).length > 0);
    assert.equal((await t.req(`/v1/eval/runs/${run.id}/report?format=pdf`, { key: t.keys.writer })).status, 400);
  });

  it('"as principal X": an admin evaluates the same golden set as alice and as itself, and the comparison shows what alice may not read', async () => {
    const asAlice = await runEval(t.keys.admin, { items: [...open, secret], modes: ['rag'], asPrincipal: { id: 'user:alice', groups: ['g1'] } });
    const asAda = await runEval(t.keys.admin, { items: [...open, secret], modes: ['rag'] });
    const crypto = (r: EvalRun) => r.results.find((x) => x.itemId === 'crypto')!;
    assert.equal(crypto(asAda.run).correct, true, JSON.stringify(crypto(asAda.run)));
    assert.equal(crypto(asAlice.run).correct, false, 'alice cannot read security.md, so her answer cannot be right');
    assert.ok(!/AES/.test(crypto(asAlice.run).answer?.text ?? ''), crypto(asAlice.run).answer?.text);
    assert.deepEqual((asAlice.run.config as { asPrincipal: unknown }).asPrincipal, { id: 'user:alice', groups: ['g1'] });

    const cmp = await t.req('/v1/eval/compare', { key: t.keys.admin, json: { a: asAlice.run.id, b: asAda.run.id, gates: ['rag:correct < -0.01'], samples: 200 } });
    assert.equal(cmp.status, 200);
    const comparison = await json<{ deltas: Array<{ metric: string; mode: string; delta: number }>; failedGates: unknown[] }>(cmp);
    const correct = comparison.deltas.find((x) => x.mode === 'rag' && (x.metric === 'correct' || x.metric === 'accuracy'))!;
    assert.ok(correct.delta > 0, JSON.stringify(correct));
    const report = await (await t.req(`/v1/eval/runs/${asAda.run.id}/report?format=markdown&baseline=${asAlice.run.id}`, { key: t.keys.admin })).text();
    assert.match(report, new RegExp(asAlice.run.id));
  });

  it('refuses what a caller may not do: a reader starting a run, a writer evaluating as someone else or naming a document they cannot read, a bad item', async () => {
    const code = async (r: Response) => [r.status, (await json<{ error: { code: string } }>(r)).error.code];
    assert.deepEqual(await code(await t.req('/v1/eval/runs', { json: { items: open } })), [403, 'FORBIDDEN']);
    assert.deepEqual(await code(await t.req('/v1/eval/runs', { key: t.keys.writer, json: { items: open, asPrincipal: { id: 'user:ada' } } })), [403, 'FORBIDDEN']);
    assert.deepEqual(await code(await t.req('/v1/eval/runs', { key: t.keys.writer, json: { items: [secret] } })), [400, 'INVALID_DATASET']);
    assert.deepEqual(await code(await t.req('/v1/eval/runs', { key: t.keys.writer, json: { items: [{ id: 'x' }] } })), [400, 'INVALID_ARGUMENT']);
    assert.deepEqual(await code(await t.req('/v1/eval/runs', { key: t.keys.writer, json: { items: open, pipeline: 'nope' } })), [404, 'NOT_FOUND']);
    assert.deepEqual(await code(await t.req('/v1/eval/compare', { key: t.keys.writer, json: { a: 'eval-x', b: 'eval-y' } })), [404, 'NOT_FOUND']);
  });
});

describe('openapi covers every route', () => {
  it('each route the server answers is in the route table (and /openapi.json), with the schema that validates its body', async () => {
    const toOpenApi = (p: string) => p.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    const served = new Set(t.server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${toOpenApi(r.path)}`));
    const documented = new Set(routeTable.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual([...served].filter((x) => !documented.has(x)), [], 'served but not documented');
    assert.deepEqual([...documented].filter((x) => !served.has(x)), [], 'documented but not served');
    const doc = await json<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>(await t.server.app.request('/openapi.json'));
    for (const r of routeTable) assert.ok(doc.paths[r.path]?.[r.method], `${r.method} ${r.path}`);
    for (const name of ['EvalRunRequest', 'DecideRequest', 'CompareRunsRequest']) assert.ok(doc.components.schemas[name], name);
  });
});

describe('audit export', () => {
  it('exports JSON Lines oldest first: a reader gets only their own entries, an admin every entry of the tenant', async () => {
    const mine = (await json<{ logId: string }>(await t.req('/v1/ask', { json: { question: 'What does the Team plan cost?' } }))).logId;
    const theirs = (await json<{ logId: string }>(await t.req('/v1/ask', { key: t.keys.writer, json: { question: 'How are refunds paid?' } }))).logId;
    const lines = async (key: string) => {
      const r = await t.req('/v1/audit/export', { key, method: 'GET' });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /application\/x-ndjson/);
      return (await r.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; at: number; metadata?: { principal?: string } });
    };
    const reader = await lines(t.keys.reader);
    assert.ok(reader.some((e) => e.id === mine) && !reader.some((e) => e.id === theirs));
    assert.ok(reader.every((e) => e.metadata?.principal === 'user:alice'));
    const admin = await lines(t.keys.admin);
    assert.ok(admin.some((e) => e.id === mine) && admin.some((e) => e.id === theirs));
    assert.deepEqual(admin.map((e) => e.at), [...admin.map((e) => e.at)].sort((x, y) => x - y), 'oldest first');
    assert.ok(!(await lines(t.keys.other)).some((e) => e.id === mine), 'never another tenant');
    assert.equal((await t.req('/v1/audit/export?since=yesterday', { method: 'GET' })).status, 400);
  });
});
