import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatResult, ChatStreamPart } from '../spec/chat-model.js';
import { FathomError } from '../util/errors.js';
import { streamText } from './stream-text.js';

const usage = { inputTokens: 3, outputTokens: 2 };
function fakeModel(parts: ChatStreamPart[], reply: ChatResult = { text: 'whole', finishReason: 'stop', usage }, extra: Partial<ChatModel> = {}): ChatModel & { calls: number } {
  const model = {
    specificationVersion: 'v1' as const, provider: 'fake', modelId: 'fake-1', contextWindow: 100, supportsStreaming: true,
    supportsStructuredOutput: true, supportsParallelCalls: true, calls: 0,
    async doGenerate() {
      model.calls++;
      return reply;
    },
    async *doStream() {
      model.calls++;
      yield* parts;
    },
    ...extra,
  };
  return model;
}
const messages = [{ role: 'user' as const, content: 'hi' }];
const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;

describe('streamText', () => {
  it('yields deltas and resolves the joined result', async () => {
    const stream = streamText({ model: fakeModel([{ type: 'text-delta', delta: 'Hel' }, { type: 'text-delta', delta: 'lo' }, { type: 'finish', finishReason: 'stop', usage }]), messages });
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);
    assert.deepEqual(deltas, ['Hel', 'lo']);
    assert.deepEqual(await stream.result, { text: 'Hello', finishReason: 'stop', usage });
  });

  it('throws the FathomError of an error part after the earlier deltas, and rejects result with it', async () => {
    const failure = new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: 'boom mid-stream' });
    const stream = streamText({ model: fakeModel([{ type: 'text-delta', delta: 'a' }, { type: 'error', error: failure }]), messages });
    const deltas: string[] = [];
    await assert.rejects(async () => {
      for await (const delta of stream.textStream) deltas.push(delta);
    }, (e: unknown) => e === failure);
    assert.deepEqual(deltas, ['a']);
    await assert.rejects(stream.result, (e: unknown) => e === failure);
  });

  it('consumes the stream when only result is awaited; a stream without finish is a bad response', async () => {
    assert.equal((await streamText({ model: fakeModel([{ type: 'text-delta', delta: 'x' }, { type: 'finish', finishReason: 'length', usage }]), messages }).result).finishReason, 'length');
    await assert.rejects(streamText({ model: fakeModel([{ type: 'text-delta', delta: 'x' }]), messages }).result, isCode('PROVIDER_BAD_RESPONSE'));
  });

  it('rejects result with INTERRUPTED when the consumer stops early', async () => {
    const stream = streamText({ model: fakeModel([{ type: 'text-delta', delta: 'a' }, { type: 'text-delta', delta: 'b' }, { type: 'finish', finishReason: 'stop', usage }]), messages });
    for await (const _delta of stream) break;
    await assert.rejects(stream.result, isCode('INTERRUPTED'));
  });

  it('falls back to doGenerate for models without streaming, and validates the call', async () => {
    const model = fakeModel([], undefined, { supportsStreaming: false });
    const deltas: string[] = [];
    for await (const delta of streamText({ model, messages })) deltas.push(delta);
    assert.deepEqual(deltas, ['whole']);
    assert.throws(() => streamText({ model, messages: [] }), isCode('INVALID_ARGUMENT'));
  });
});
