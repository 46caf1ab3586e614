import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatExample } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { convertExample } from './convert-example.js';
import { detectFormat, parseRecord } from './parse-record.js';
import { readExamples } from './read-examples.js';

const toolChat: ChatExample = {
  messages: [
    { role: 'system', content: 'You can call tools.' },
    { role: 'user', content: 'Area of a 5x3 rectangle?' },
    { role: 'assistant', content: null, tool_calls: [{ type: 'function', function: { name: 'area', arguments: '{"w":5,"h":3}' } }] },
    { role: 'tool', content: '{"area":15}' },
    { role: 'assistant', content: 'The area is 15.' },
  ],
  tools: [{ type: 'function', function: { name: 'area', parameters: { type: 'object' } } }],
};

test('detectFormat recognises the four formats by their keys', () => {
  assert.equal(detectFormat({ messages: [] }), 'chat');
  assert.equal(detectFormat({ conversations: [] }), 'sharegpt');
  assert.equal(detectFormat({ instruction: 'a', output: 'b' }), 'alpaca');
  assert.equal(detectFormat({ prompt: 'a', chosen: 'b', rejected: 'c' }), 'dpo');
  assert.equal(detectFormat({ text: 'x' }), undefined);
  assert.match((parseRecord({ messages: [{ role: 'user' }] }) as { error: string }).error, /content must be a string/);
});

test('readExamples streams records with 1-based line numbers and line-numbered errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-formats-'));
  try {
    const path = join(dir, 'd.jsonl');
    writeFileSync(path, [JSON.stringify(toolChat), '{not json', '', JSON.stringify({ conversations: [] }), JSON.stringify(toolChat)].join('\n'));
    const out = [];
    for await (const r of readExamples({ path })) out.push(r);
    assert.deepEqual(out.map((r) => [r.line, 'error' in r]), [[1, false], [2, true], [4, true], [5, false]]);
    assert.match((out[1] as { error: string }).error, /invalid JSON/);
    assert.match((out[2] as { error: string }).error, /missing "messages"/);
    await assert.rejects(async () => {
      for await (const _ of readExamples({ path: join(dir, 'missing.jsonl') })) void _;
    }, (e: unknown) => FathomError.isInstance(e) && e.code === 'PATH_NOT_FOUND');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('chat → ShareGPT → chat is lossless, tool calls included', () => {
  const share = convertExample({ example: toolChat, from: 'chat', to: 'sharegpt' });
  assert.deepEqual(share.warnings, []);
  assert.deepEqual((share.example as { conversations: Array<{ from: string }> }).conversations.map((t) => t.from), ['human', 'function_call', 'observation', 'gpt']);
  const back = convertExample({ example: share.example, from: 'sharegpt', to: 'chat' });
  assert.deepEqual(back.example, toolChat);
  assert.deepEqual(back.warnings, []);
});

test('Alpaca ↔ chat round-trips; multi-turn and tool calls to Alpaca warn', () => {
  const alpaca = { instruction: 'Summarise', input: '', output: 'Done.', system: 'Be brief.' };
  const chat = convertExample({ example: alpaca, from: 'alpaca', to: 'chat' });
  assert.deepEqual(convertExample({ example: chat.example, from: 'chat', to: 'alpaca' }), { example: alpaca, warnings: [] });
  const lossy = convertExample({ example: toolChat, from: 'chat', to: 'alpaca' });
  assert.deepEqual(lossy.warnings.map((w) => w.type), ['lossy-conversion']);
  assert.equal((lossy.example as { output: string }).output, 'The area is 15.');
  const multi = convertExample({
    example: { messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }, { role: 'assistant', content: 'd' }] },
    from: 'chat', to: 'alpaca',
  });
  assert.deepEqual(multi.example, { instruction: 'c', input: '', output: 'd', history: [['a', 'b']] });
  assert.deepEqual(multi.warnings.map((w) => w.type), ['multi-turn']);
});

test('DPO → chat keeps the chosen answer and warns; chat → DPO is refused', () => {
  const dpo = { prompt: [{ role: 'user', content: 'Hi' }], chosen: 'Hello!', rejected: 'Go away.' };
  const chat = convertExample({ example: dpo, from: 'dpo', to: 'chat' });
  assert.deepEqual(chat.example, { messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] });
  assert.match(chat.warnings[0]!.message, /rejected/);
  assert.throws(() => convertExample({ example: toolChat, from: 'chat', to: 'dpo' }), /rejected answer/);
});

test('dialect roles (assistant_tool_call, observation) become OpenAI tool calls', () => {
  const glaive = { messages: [{ role: 'user', content: 'x' }, { role: 'assistant_tool_call', content: '{"name": "f", "arguments": {"a": 1}}' }, { role: 'observation', content: '{}' }, { role: 'assistant', content: 'ok' }] };
  const { example } = convertExample({ example: glaive, from: 'chat', to: 'chat' });
  const msgs = (example as ChatExample).messages;
  assert.deepEqual(msgs[1], { role: 'assistant', content: null, tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] });
  assert.equal(msgs[2]!.role, 'tool');
});
