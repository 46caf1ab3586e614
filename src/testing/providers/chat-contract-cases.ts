import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ChatCallOptions, ChatModel, ChatStreamPart } from '../../spec/chat-model.js';
import { _codeOf, _withFixture } from './_fixture.js';

/** A chat model under test and how to release it. */
export interface ChatModelFixture {
  model: ChatModel;
  close?: () => Promise<void>;
}

const FINISH = new Set(['stop', 'length', 'content-filter', 'error', 'other']);
const call: ChatCallOptions = { messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: 'Say hello to Ada.' }], temperature: 0, seed: 7, maxOutputTokens: 24 };
const schema = { type: 'object', properties: { answer: { type: 'string' }, confident: { type: 'boolean' } }, required: ['answer', 'confident'], additionalProperties: false };

function assertUsage(usage: { inputTokens: number; outputTokens: number }, text: string): void {
  for (const n of [usage.inputTokens, usage.outputTokens]) assert.ok(Number.isInteger(n) && n >= 0, `usage counts are non-negative integers, got ${n}`);
  assert.ok(usage.inputTokens > 0, 'the prompt has tokens');
  if (text.length > 0) assert.ok(usage.outputTokens > 0, 'a non-empty reply has output tokens');
}

/** Collects a stream; an `error` part rejects like a thrown error (providers may do either). */
async function drain(stream: AsyncIterable<ChatStreamPart>): Promise<{ text: string; parts: ChatStreamPart[] }> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) {
    if (part.type === 'error') throw part.error;
    parts.push(part);
  }
  return { text: parts.map((p) => (p.type === 'text-delta' ? p.delta : '')).join(''), parts };
}

export function chatContractCases(create: () => Promise<ChatModelFixture>, createSilent?: () => Promise<ChatModelFixture>): void {
  it('declares its capabilities', () => _withFixture(create, async ({ model }) => {
    assert.equal(model.specificationVersion, 'v1');
    assert.ok(model.provider.length > 0 && model.modelId.length > 0);
    assert.ok(Number.isInteger(model.contextWindow) && model.contextWindow > 0, 'contextWindow is a positive integer');
    for (const flag of [model.supportsStreaming, model.supportsStructuredOutput, model.supportsParallelCalls]) assert.equal(typeof flag, 'boolean');
    if (model.countTokens) assert.ok(model.countTokens('hello world') > 0);
  }));

  it('generates text with a finish reason and usage', () => _withFixture(create, async ({ model }) => {
    const result = await model.doGenerate(call);
    assert.equal(typeof result.text, 'string');
    assert.ok(FINISH.has(result.finishReason), `finish reason ${result.finishReason}`);
    assertUsage(result.usage, result.text);
  }));

  it('streams deltas that join to the generated text, ending with one finish part', () => _withFixture(create, async ({ model }) => {
    if (!model.supportsStreaming) return;
    const whole = await model.doGenerate(call);
    const { text, parts } = await drain(model.doStream(call));
    const finishes = parts.filter((p) => p.type === 'finish');
    assert.equal(finishes.length, 1, 'exactly one finish part');
    assert.equal(parts.at(-1)?.type, 'finish', 'finish comes last');
    assert.equal(text, whole.text, 'the deltas join to what doGenerate returns for the same deterministic call');
    const finish = finishes[0] as Extract<ChatStreamPart, { type: 'finish' }>;
    assert.ok(FINISH.has(finish.finishReason));
    assertUsage(finish.usage, text);
  }));

  it('honours a JSON Schema when it claims structured output', () => _withFixture(create, async ({ model }) => {
    if (!model.supportsStructuredOutput) return;
    const result = await model.doGenerate({ ...call, maxOutputTokens: 64, responseFormat: { type: 'json', schema, name: 'reply' } });
    const value = JSON.parse(result.text) as Record<string, unknown>;
    assert.equal(typeof value.answer, 'string');
    assert.equal(typeof value.confident, 'boolean');
    assert.deepEqual(Object.keys(value).sort(), ['answer', 'confident']);
  }));

  it('stops with INTERRUPTED when the call is aborted', () => _withFixture(create, async ({ model }) => {
    const controller = new AbortController();
    controller.abort(new Error('user pressed Ctrl-C'));
    assert.equal(await _codeOf(() => model.doGenerate({ ...call, abortSignal: controller.signal })), 'INTERRUPTED');
    if (model.supportsStreaming) assert.equal(await _codeOf(() => drain(model.doStream({ ...call, abortSignal: controller.signal }))), 'INTERRUPTED');
  }));

  if (createSilent) {
    it('fails with PROVIDER_TIMEOUT when the server goes silent', () => _withFixture(createSilent, async ({ model }) => {
      assert.equal(await _codeOf(() => model.doGenerate(call)), 'PROVIDER_TIMEOUT');
      if (model.supportsStreaming) assert.equal(await _codeOf(() => drain(model.doStream(call))), 'PROVIDER_TIMEOUT');
    }));
  }
}
