import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpenAIChatServer } from '../../../testing/index.js';
import { runCliCaptured } from '../../__fixtures__/run-cli.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON output
type Json = any;
type Server = Awaited<ReturnType<typeof startOpenAIChatServer>>;

const id = (i: number): string => String(i).padStart(2, '0');
/** The item number a prompt asks about. */
const itemOf = (messages: { content: string }[]): number => Number(/Q(\d\d)\?/.exec(messages.at(-1)!.content)?.[1] ?? -1);

describe('fathom tune gate and build', () => {
  let dir: string;
  const servers: Server[] = [];
  let base: Server;
  let chatty: Server;
  let locked: Server;
  const tune = (...args: string[]) => runCliCaptured({ cwd: dir, args: ['tune', ...args], env: { OPENAI_API_KEY: 'k' } });
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-tune-gate-cli-'));
    const golden = Array.from({ length: 20 }, (_, i) => ({
      id: `g${id(i)}`, question: `What is the code of item Q${id(i)}?`, answers: [`code${id(i)}`], sources: [], answerable: true,
      context: [`The code of item Q${id(i)} is code${id(i)}.`], constraints: [{ type: 'forbidden-phrases', phrases: ['as an AI'] }],
    }));
    writeFileSync(join(dir, 'golden.jsonl'), golden.map((g) => `${JSON.stringify(g)}\n`).join(''));
    base = await startOpenAIChatServer({ reply: (m) => `code${id(itemOf(m))} [1].` });
    chatty = await startOpenAIChatServer({ reply: (m) => (itemOf(m) % 10 === 4 ? `As an AI, I say code${id(itemOf(m))} [1].` : `code${id(itemOf(m))} [1].`) });
    locked = await startOpenAIChatServer({ apiKey: 'another-key' });
    servers.push(base, chatty, locked);
  });
  after(async () => {
    for (const s of servers) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gate: exit 1 naming the regressed metric; exit 0 for a model that holds up', async () => {
    const spec = (s: Server, model: string) => `openai-compatible:${s.url}#${model}`;
    const failed = await tune('gate', '--base', spec(base, 'base'), '--tuned', spec(chatty, 'tuned'), '--golden', 'golden.jsonl');
    assert.equal(failed.code, 1, failed.err);
    assert.match(failed.out, /FAIL {2}constraintAdherence \(golden\)/);
    assert.match(failed.out, /gate FAILED: constraintAdherence/);
    const passed = await tune('gate', '--base', spec(base, 'base'), '--tuned', spec(base, 'tuned'), '--golden', 'golden.jsonl', '--json');
    assert.equal(passed.code, 0, passed.err);
    const report = passed.json();
    assert.equal(report.passed, true);
    assert.equal(report.runs, undefined, 'runs are left out of the JSON summary');
    assert.deepEqual(report.checks.filter((c: Json) => c.applicable && c.name !== 'errors').map((c: Json) => c.name), ['constraintAdherence', 'answerF1']);
    const unreachable = await tune('gate', '--base', spec(base, 'base'), '--tuned', spec(locked, 'tuned'), '--golden', 'golden.jsonl');
    assert.equal(unreachable.code, 4, 'a model that answers nothing is an error, not a vacuous pass');
    assert.match(unreachable.err, /Every golden item failed for the tuned model .*PROVIDER_AUTH_FAILED/);
  });

  it('build: an sft set from a run file, with a manifest; --kind is validated', async () => {
    const answer = (text: string) => ({ question: 'q', text, abstained: false, citations: [], unsupportedClaims: [], sources: [], sufficiency: 1, context: 'given', model: 'm', usage: { inputTokens: 1, outputTokens: 1 }, promptTokens: 1, latencyMs: { total: 1 }, warnings: [] });
    const run = {
      id: 'r1', createdAt: 0, dataset: { path: 'golden.jsonl', sha256: 'x', items: 20 }, modes: ['oracle'], config: {}, configHash: 'h', versions: {}, summary: {},
      results: [{ itemId: 'g04', mode: 'oracle', answer: answer('As an AI, code04'), metrics: { constraint_adherence: 0 }, correct: true }, { itemId: 'g05', mode: 'oracle', answer: answer('code05'), metrics: { constraint_adherence: 1 }, correct: true }],
    };
    writeFileSync(join(dir, 'run.json'), JSON.stringify(run));
    const r = await tune('build', '--from-run', 'run.json', '--golden', 'golden.jsonl', '--kind', 'sft', '--out', 'sets/sft.jsonl');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 sft example\(s\)/);
    const lines = readFileSync(join(dir, 'sets', 'sft.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 1);
    assert.equal(lines[0].messages.at(-1).content, 'code04 [1].');
    const manifest = JSON.parse(readFileSync(join(dir, 'sets', 'sft.manifest.json'), 'utf8'));
    assert.deepEqual(manifest.examples[0].itemIds, ['g04']);
    assert.deepEqual(manifest.examples[0].reasons, ['constraint-failure']);
    assert.equal((await tune('build', '--from-run', 'run.json', '--kind', 'xyz', '--out', 'x.jsonl')).code, 2);
    assert.equal((await tune('build', '--kind', 'dpo', '--golden', 'golden.jsonl', '--out', 'x.jsonl')).code, 2, 'dpo needs a run');
  });
});
