import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpenAIChatServer, type ScriptedServer } from '../../testing/openai-chat-server.js';
import { runCliCaptured } from '../__fixtures__/run-cli.js';

let dir: string;
let server: ScriptedServer;
const cli = (...args: string[]) => runCliCaptured({ cwd: dir, args, env: { TEST_KEY: 'k' } });
const facts = ['Enterprise uptime is 99.95% per month.', 'Team uptime is 99.9% per month.', 'Backups are kept for 35 days.', 'Refunds are possible within 30 days.', 'Support answers within 4 hours.', 'Exports run nightly at 02:00 UTC.'];

/** Quotes source [1] with a citation only when the system prompt asks to quote; otherwise a vague reply. */
function reply(messages: { role: string; content: string }[]): string {
  const quote = /<source n="1"[^>]*>\s*([\s\S]*?\.)(?=\s|$)/.exec(messages.at(-1)!.content)?.[1]?.trim();
  return messages[0]!.content.includes('Quote the sentence') && quote ? `${quote} [1]` : 'That depends on your plan [1].';
}

before(async () => {
  server = await startOpenAIChatServer({ reply });
  dir = mkdtempSync(join(tmpdir(), 'fathom-evalprompts-'));
  mkdirSync(join(dir, 'kb'));
  facts.forEach((f, i) => writeFileSync(join(dir, 'kb', `f${i}.md`), `# Fact ${i}\n\n${f}\n`));
  const questions = ['What uptime does Enterprise get per month?', 'What uptime does Team get per month?', 'How many days are backups kept?', 'Within how many days are refunds possible?', 'Within how many hours does support answer?', 'When do exports run nightly?'];
  const answers = ['99.95%', '99.9%', '35 days', '30 days', '4 hours', '02:00 UTC'];
  writeFileSync(join(dir, 'golden.jsonl'), questions.map((q, i) => JSON.stringify({ id: `f${i}`, question: q, answers: [answers[i]], sources: [{ documentId: `kb/f${i}.md` }] })).join('\n'));
  writeFileSync(join(dir, 'prompts.json'), JSON.stringify([{ id: 'default' }, { id: 'quote', instructions: 'Quote the sentence that answers, then cite it.' }]));
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ search: { mode: 'bm25', topK: 1 }, answer: { minSufficiency: 0 }, generation: { provider: 'openai-compatible', baseURL: server.url, model: 'tiny', apiKeyEnv: 'TEST_KEY' } }));
  assert.equal((await cli('ingest', 'kb', '--progress', 'none')).code, 0);
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fathom eval run --prompt', () => {
  it('evaluates the variants side by side, versions them in the manifest, and diagnose recommends the better one first', async () => {
    const r = await cli('eval', 'run', 'golden.jsonl', '--modes', 'rag', '--prompt', 'prompts.json', '--json');
    assert.equal(r.code, 0, r.err);
    const out = r.json();
    assert.equal(out.prompts.baseline, 'default');
    assert.equal(out.prompts.best, 'quote');
    assert.deepEqual(out.prompts.variants.map((v: { id: string; correct: number }) => [v.id, v.correct]), [['default', 0], ['quote', 1]]);
    const manifest = JSON.parse(readFileSync(out.path.replace(/\.json$/, '.manifest.json'), 'utf8'));
    assert.equal(manifest.prompts.file, join(dir, 'prompts.json'));
    assert.match(manifest.prompts.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(manifest.prompts.variants.map((v: { id: string; variant: unknown }) => [v.id, v.variant]), [['default', { id: 'default' }], ['quote', { id: 'quote', instructions: 'Quote the sentence that answers, then cite it.' }]]);
    const human = await cli('eval', 'run', 'golden.jsonl', '--modes', 'rag', '--prompt', 'prompts.json');
    assert.match(human.out, /quote \*\s+1\.000\s+\+1\.000\s+\[\+\d\.\d{3}, \+1\.000\]\s+6/);
    const d = await cli('diagnose', out.path, '--json');
    assert.equal(d.code, 0, d.err);
    const diagnosis = d.json();
    assert.equal(diagnosis.recommendation.primary, 'better-prompt');
    assert.match(diagnosis.recommendation.actions[0].why, /use prompt variant "quote" first/);
  });

  it('refuses --prompt with the extractive answerer and a malformed file, exit 2', async () => {
    const extractive = await cli('eval', 'run', 'golden.jsonl', '--modes', 'rag', '--prompt', 'prompts.json', '--model', 'extractive');
    assert.equal(extractive.code, 2);
    assert.match(extractive.err, /--prompt needs a generative model/);
    writeFileSync(join(dir, 'bad.json'), '{ "id": ');
    const bad = await cli('eval', 'run', 'golden.jsonl', '--modes', 'rag', '--prompt', 'bad.json');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.json is not valid JSON/);
  });
});
