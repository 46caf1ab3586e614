import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createOnlineJudges, type OnlineJudging } from '../../monitor/index.js';
import { createOpenAICompatibleChatModel } from '../../providers/openai-compatible/index.js';
import type { QueryLogEntry } from '../../spec/audit.js';
import type { ServerJob } from '../../spec/server.js';
import { startOpenAIChatServer, type ChatServerScriptStep, type ScriptedServer } from '../../testing/index.js';
import { createServer } from '../create-server.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';

const questions = ['What does the Enterprise plan cost?', 'How is customer data encrypted at rest?', 'How long do Enterprise customers have to get a full refund?'];
const verdict = (label: string): ChatServerScriptStep => ({ reply: JSON.stringify({ reasoning: 'because', label }) });
const open: Array<{ close: () => Promise<void> }> = [];
after(async () => {
  for (const x of open) await x.close();
});

/** A knowledge base with three answered questions in tenant t1, and a loopback judge speaking the OpenAI protocol. */
async function setup(script: ChatServerScriptStep[]): Promise<{ t: TestServer; judge: ScriptedServer; model: ReturnType<typeof createOpenAICompatibleChatModel> }> {
  const t = await startTestServer();
  const judge = await startOpenAIChatServer({ script });
  open.push(t, judge);
  for (const question of questions) assert.equal((await t.req('/v1/ask', { json: { question } })).status, 200);
  const answered = (await t.store.listQueryLog({ tenant: 't1' })).filter((e) => e.kind === 'ask' && !e.abstained);
  assert.equal(answered.length, 3, 'control: the three questions are answered');
  return { t, judge, model: createOpenAICompatibleChatModel({ baseURL: judge.url, apiKey: 'k', modelId: 'judge-model', maxRetries: 0 }) };
}

/** Runs the background scoring (monitor.online) of t1 once with the judging, to the end of its job. */
async function scoreInBackground(t: TestServer, onlineJudge: OnlineJudging): Promise<{ job: ServerJob; entries: QueryLogEntry[] }> {
  const server = createServer({ store: t.store, config: { rateLimit: false, instanceId: 'bg' }, onlineScoring: { rate: 1, intervalMinutes: 60, tenants: ['t1'] }, onlineJudge });
  try {
    const [started] = await server.onlineScoring!.tick;
    for (;;) {
      const job = (await server.jobs.get({ tenant: 't1', id: started!.id }))!;
      if (!['queued', 'running'].includes(job.status)) return { job, entries: (await t.store.listQueryLog({ tenant: 't1' })).filter((e) => e.kind === 'ask').reverse() };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await server.drain(1000);
  }
}

describe('judge verdicts in the server\'s background scoring (monitor.judge)', () => {
  it('stores each answer\'s verdicts, runs and agreement with its audit entry, as `monitor score --judge` does', async () => {
    // The first answer's faithfulness runs disagree (2 of 3 supported); every later call answers with the first label.
    const { t, judge, model } = await setup([verdict('supported'), verdict('unsupported'), verdict('supported')]);
    const { job, entries } = await scoreInBackground(t, { judges: createOnlineJudges({ model, runs: 3 }) });
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.deepEqual([(job.result as { judged: number }).judged, judge.requests.length], [3, 3 * 2 * 3], '3 answers × 2 criteria × 3 runs');
    for (const e of entries) {
      assert.deepEqual(e.online!.verdicts!.map((v) => [v.criterion, v.runs, v.model, v.promptId]), [['faithfulness', 3, 'openai-compatible:judge-model', 'faithfulness@1'], ['relevance', 3, 'openai-compatible:judge-model', 'relevance@1']]);
    }
    const f = entries[0]!.online!.verdicts![0]!;
    assert.deepEqual([f.label, Number(f.score.toFixed(4)), Number(f.agreement!.toFixed(4))], ['supported', 0.6667, 0.6667]);
    assert.equal(Number(entries[0]!.online!.metrics.judgeAgreement!.toFixed(4)), Number(((2 / 3 + 1) / 2).toFixed(4)));
    assert.ok(entries.slice(1).every((e) => e.online!.metrics.judgeAgreement === 1 && e.online!.metrics.judgeScore === 1));
  });

  it('judges at most maxJudgedPerRun answers per run, and scores a timed-out answer without verdicts', async () => {
    const { t, judge, model } = await setup([{ hang: true }]);
    const { job, entries } = await scoreInBackground(t, { judges: createOnlineJudges({ model }), maxJudgedPerRun: 2, judgeTimeoutMs: 500 });
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.deepEqual(job.result, { ...(job.result as object), scored: 3, judged: 1, judgeSkipped: { notDrawn: 0, overLimit: 1, timedOut: 1 } });
    assert.deepEqual(entries.map((e) => Boolean(e.online?.verdicts)), [false, true, false], 'the first timed out, the second was judged, the third is past the limit');
    assert.ok(entries.every((e) => e.online?.metrics.abstained === 0), 'every answer still has its reference-free scores');
    assert.equal(judge.requests.length, 1 + 2, 'the hung call, then the second answer\'s two criteria');
  });

  it('sends only the drawn share (judgeRate) to the judge', async () => {
    const { t, judge, model } = await setup([]);
    const { job } = await scoreInBackground(t, { judges: createOnlineJudges({ model }), judgeRate: 1e-9 });
    assert.deepEqual((job.result as { judged: number; judgeSkipped: unknown }).judgeSkipped, { notDrawn: 3, overLimit: 0, timedOut: 0 });
    assert.equal(judge.requests.length, 0);
  });
});
