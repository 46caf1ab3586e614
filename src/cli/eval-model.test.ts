import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAIChatServer } from '../testing/openai-chat-server.js';
import type { ScriptedServer } from '../testing/openai-chat-server.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args, env: { TEST_KEY: 'k' } });

/** Answers with the first sentence of source [1], cited; declines when no source is given. */
function reply(messages: { role: string; content: string }[]): string {
  const text = messages.map((m) => m.content).join('\n');
  const m = /<source n="1"[^>]*>\s*([\s\S]*?\.)(?=\s|$)/.exec(text);
  return m ? `${m[1]!.trim()} [1]` : "I don't know based on the provided documents.";
}

describe('fathom eval run with a generation model and a judge (OpenAI-compatible, loopback)', () => {
  let dir: string;
  let server: ScriptedServer;
  before(async () => {
    server = await startOpenAIChatServer({ reply });
    dir = mkdtempSync(join(tmpdir(), 'fathom-evalmodel-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'sla.md'), '# SLA\n\nThe Enterprise plan guarantees 99.95% monthly uptime. Credits are paid as account balance.\n');
    writeFileSync(join(dir, 'golden.jsonl'), [
      { id: 'sla', question: 'What uptime does the Enterprise plan guarantee?', answers: ['99.95%'], sources: [{ documentId: 'kb/sla.md' }] },
      { id: 'ceo', question: "What is the CEO's name?", answers: [], sources: [], answerable: false },
    ].map((x) => JSON.stringify(x)).join('\n'));
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ generation: { provider: 'openai-compatible', baseURL: server.url, model: 'tiny', apiKeyEnv: 'TEST_KEY' } }));
    assert.equal((await cli(dir, 'ingest', 'kb')).code, 0);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers through the configured model, judges with structured verdicts, and records both in the run', async () => {
    const r = await cli(dir, 'eval', 'run', 'golden.jsonl', '--modes', 'oracle,closed-book', '--judge', 'openai-compatible:judge-model', '--json');
    assert.equal(r.code, 0, r.err);
    const summary = JSON.parse(r.out);
    const run = JSON.parse(readFileSync(summary.path, 'utf8'));
    assert.equal(run.config.answerer, 'openai-compatible:tiny');
    assert.equal(run.config.judge, 'openai-compatible:judge-model');
    const oracle = run.results.find((x: { itemId: string; mode: string }) => x.itemId === 'sla' && x.mode === 'oracle');
    assert.match(oracle.answer.text, /99\.95%/);
    assert.equal(oracle.answer.model, 'openai-compatible:tiny');
    assert.ok(oracle.verdicts && Object.keys(oracle.verdicts).length > 0, 'judge verdicts are recorded');
    const judged = server.requests.filter((q) => JSON.stringify(q.body).includes('judge-model'));
    assert.ok(judged.length > 0 && judged.every((q) => JSON.stringify(q.body).includes('json_schema')), 'judges ask for structured output');
  });

  it('explains how to configure a model for eval generate when none is set', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'fathom-evalgen-'));
    try {
      const r = await cli(bare, 'eval', 'generate', '--out', 'g.jsonl');
      assert.equal(r.code, 2);
      assert.match(r.err, /needs a chat model: set "generation"/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('fathom ingest --contextual (OpenAI-compatible, loopback)', () => {
  it('generates a context per chunk with the configured model and reports its tokens', async () => {
    const server = await startOpenAIChatServer({ reply: () => 'This chunk is from the Tallyo uptime policy.' });
    const dir = mkdtempSync(join(tmpdir(), 'fathom-ctxcli-'));
    try {
      mkdirSync(join(dir, 'kb'));
      writeFileSync(join(dir, 'kb', 'sla.md'), '# SLA\n\nThe Enterprise plan guarantees 99.95% monthly uptime.\n');
      writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ generation: { provider: 'openai-compatible', baseURL: server.url, model: 'ctx', apiKeyEnv: 'TEST_KEY' } }));
      const r = await cli(dir, 'ingest', 'kb', '--contextual', '--json');
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out);
      assert.equal(report.contextual.model, 'openai-compatible:ctx');
      assert.equal(report.contextual.generated, 1);
      assert.ok(report.contextual.inputTokens > 0);
      const hit = JSON.parse((await cli(dir, 'search', 'Tallyo policy', '--json')).out).hits[0];
      assert.equal(hit.chunk.context, 'This chunk is from the Tallyo uptime policy.', 'the context words are indexed');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
