import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { QueryLogEntry } from '../../spec/audit.js';
import { startOpenAIChatServer, type ScriptedServer } from '../../testing/index.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-monitor-judge-'));
let judge: ScriptedServer;
let locked: ScriptedServer;
const cli = (args: string[], server = judge) => runCliCaptured({ cwd: dir, args, env: { OPENAI_BASE_URL: server?.url ?? '', OPENAI_API_KEY: 'k' } });
const verdict = (label: string) => ({ reply: JSON.stringify({ reasoning: 'because', label }) });
type Body = { model: string; messages: Array<{ role: string; content: string }>; response_format?: { type: string } };

describe('fathom monitor score --judge: structured judge verdicts on sampled answers', () => {
  let answered: string[];
  before(async () => {
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'fathom.config.json'), '{}');
    writeFileSync(join(dir, 'kb', 'pricing.md'), '# Pricing\n\nThe Pro plan costs 49 dollars per month. The Team plan costs 99 dollars per month and includes ten seats.\n');
    // The first answer's faithfulness runs disagree (2 of 3 say supported); every later call answers with the schema's first label.
    judge = await startOpenAIChatServer({ script: [verdict('supported'), verdict('unsupported'), verdict('supported')] });
    locked = await startOpenAIChatServer({ apiKey: 'another-key' });
    assert.equal((await cli(['ingest', 'kb'])).code, 0);
    answered = [];
    for (const q of ['How much does the Pro plan cost?', 'How many seats does the Team plan include?']) {
      const r = await cli(['ask', q, '--model', 'extractive', '--json']);
      assert.equal(r.code, 0, r.err);
      answered.push(r.json().logId);
    }
    const abstained = (await cli(['ask', 'Which kubernetes helm chart sets replicas?', '--model', 'extractive', '--json'])).json();
    assert.equal(abstained.abstained, true, 'control: one entry abstains');
  });
  after(async () => {
    await judge.close();
    await locked.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('judges each answer n times per criterion, stores the verdicts and their agreement, skips abstentions', async () => {
    const r = await cli(['monitor', 'score', '--rate', '1', '--judge', 'openai-compatible:judge-model', '--judge-runs', '3', '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json().scored, 3);
    assert.equal(r.json().judged, 2);
    const bodies = judge.requests.map((q) => q.body as Body);
    assert.equal(bodies.length, 2 * 2 * 3, '2 answers × 2 criteria × 3 runs');
    assert.ok(bodies.every((b) => b.model === 'judge-model' && b.response_format?.type === 'json_schema'), 'structured output');
    const faithful = bodies.filter((b) => /grounded in the PASSAGES/.test(b.messages[0]!.content));
    assert.equal(faithful.length, 6);
    assert.ok(faithful.every((b) => /PASSAGES:\n\[1\] .*Pro plan costs 49 dollars/s.test(b.messages[1]!.content)), 'the judge sees the passages the answer was given');
    const entries = (await cli(['log', 'list', '--json'])).json() as QueryLogEntry[];
    const [first, second] = answered.map((id) => entries.find((e) => e.id === id)!);
    const disagreed = [first, second].find((e) => e!.online!.verdicts!.some((v) => v.agreement! < 1))!;
    const f = disagreed.online!.verdicts!.find((v) => v.criterion === 'faithfulness')!;
    assert.deepEqual({ ...f, score: Number(f.score.toFixed(4)), agreement: Number(f.agreement!.toFixed(4)) }, { criterion: 'faithfulness', label: 'supported', score: 0.6667, runs: 3, agreement: 0.6667, model: 'openai-compatible:judge-model', promptId: 'faithfulness@1' });
    assert.deepEqual(disagreed.online!.verdicts!.map((v) => v.criterion), ['faithfulness', 'relevance']);
    assert.equal(Number(disagreed.online!.metrics.judgeScore!.toFixed(4)), Number(((2 / 3 + 1) / 2).toFixed(4)));
    assert.equal(Number(disagreed.online!.metrics.judgeAgreement!.toFixed(4)), Number(((2 / 3 + 1) / 2).toFixed(4)));
    const abstained = entries.find((e) => e.abstained)!;
    assert.ok(abstained.online && abstained.online.verdicts === undefined && abstained.online.metrics.judgeScore === undefined, 'an abstention is scored, not judged');
  });

  it('bad judge options are typed errors; an unreachable judge fails with the provider error, not exit 0', async () => {
    const runs = await cli(['monitor', 'score', '--judge', 'openai-compatible:m', '--judge-runs', '0', '--json']);
    assert.equal(runs.code, 2);
    assert.equal(runs.json().error.code, 'INVALID_ARGUMENT');
    assert.equal((await cli(['monitor', 'score', '--judge-runs', '3'])).code, 2, '--judge-runs without --judge');
    assert.equal((await cli(['monitor', 'score', '--judge', 'gpt'])).code, 2, 'bad model spec');
    assert.equal((await cli(['ask', 'What does the Team plan cost?', '--model', 'extractive'])).code, 0);
    const failed = await cli(['monitor', 'score', '--rate', '1', '--judge', 'openai-compatible:m', '--json'], locked);
    assert.equal(failed.code, 4, failed.err);
    assert.equal(failed.json().error.code, 'PROVIDER_AUTH_FAILED');
  });

  it('with monitor.judge in the config, judges as the config says (model, runs, maxPerCycle) without --judge', async () => {
    for (const q of ['How much does the Team plan cost?', 'How much does the Pro plan cost per month?']) assert.equal((await cli(['ask', q, '--model', 'extractive'])).code, 0);
    const before = judge.requests.length;
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ monitor: { judge: { model: 'openai-compatible:config-judge', runs: 2, maxPerCycle: 1, timeoutMs: 30000 } } }));
    try {
      const r = await cli(['monitor', 'score', '--rate', '1', '--json']);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.json().judged, 1);
      assert.ok(r.json().judgeSkipped.overLimit >= 1, 'the other unscored answers are past the limit');
      const bodies = judge.requests.slice(before).map((q) => q.body as Body);
      assert.equal(bodies.length, 1 * 2 * 2, '1 answer (maxPerCycle) × 2 criteria × 2 runs');
      assert.ok(bodies.every((b) => b.model === 'config-judge'));
    } finally {
      writeFileSync(join(dir, 'fathom.config.json'), '{}');
    }
  });

  it('a bad monitor.judge is an INVALID_CONFIG naming each key (exit 2)', async () => {
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ monitor: { judge: { model: 'gpt-4o', runs: 0, maxPerCycle: 1.5, timeout: 5 } } }));
    try {
      const r = await cli(['monitor', 'score', '--json']);
      assert.equal(r.code, 2);
      assert.equal(r.json().error.code, 'INVALID_CONFIG');
      for (const key of ['monitor.judge.model', 'monitor.judge.runs', 'monitor.judge.maxPerCycle', 'timeout']) assert.ok(r.json().error.message.includes(key), `${key} in ${r.json().error.message}`);
    } finally {
      writeFileSync(join(dir, 'fathom.config.json'), '{}');
    }
  });
});
