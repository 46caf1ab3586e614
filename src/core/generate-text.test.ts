import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatModel, ChatResult } from '../spec/chat-model.js';
import { FathomError } from '../util/errors.js';
import { generateText } from './generate-text.js';

const usage = { inputTokens: 3, outputTokens: 2 };
function fakeModel(_parts: unknown[], reply: ChatResult = { text: 'whole', finishReason: 'stop', usage }, extra: Partial<ChatModel> = {}): ChatModel {
  return {
    specificationVersion: 'v1', provider: 'fake', modelId: 'fake-1', contextWindow: 100, supportsStreaming: false,
    supportsStructuredOutput: true, supportsParallelCalls: true,
    doGenerate: async () => reply,
    doStream: () => { throw new Error('not streaming'); },
    ...extra,
  };
}
const messages = [{ role: 'user' as const, content: 'hi' }];
const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;

describe('generateText', () => {
  it('parses structured replies and explains a reply cut short', async () => {
    const ok = await generateText({ model: fakeModel([], { text: '{"answer":"42"}', finishReason: 'stop', usage }), messages, responseFormat: { type: 'json' } });
    assert.deepEqual(ok.json, { answer: '42' });
    await assert.rejects(
      generateText({ model: fakeModel([], { text: '{"answer":"4', finishReason: 'length', usage }), messages, responseFormat: { type: 'json' } }),
      (e: unknown) => isCode('PROVIDER_BAD_RESPONSE')(e) && /maxOutputTokens/.test((e as Error).message),
    );
  });

  it('retries retryable failures only when asked, and maps unknown errors', async () => {
    let calls = 0;
    const flaky = fakeModel([], undefined, {
      async doGenerate() {
        if (++calls === 1) throw new FathomError({ code: 'PROVIDER_TIMEOUT', message: 'slow' });
        return { text: 'ok', finishReason: 'stop', usage };
      },
    });
    await assert.rejects(generateText({ model: flaky, messages }), isCode('PROVIDER_TIMEOUT'));
    assert.equal((await generateText({ model: flaky, messages, maxRetries: 1 })).text, 'ok');
    const broken = fakeModel([], undefined, { doGenerate: () => Promise.reject(new Error('native crash')) });
    await assert.rejects(generateText({ model: broken, messages }), isCode('INTERNAL'));
    await assert.rejects(generateText({ model: broken, messages, maxOutputTokens: 0 }), isCode('INVALID_ARGUMENT'));
  });
});
