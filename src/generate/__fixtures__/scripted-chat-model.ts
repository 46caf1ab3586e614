import type { ChatCallOptions, ChatModel } from '../../spec/chat-model.js';

/** A ChatModel that replies from a script and records every call. */
export function scriptedChatModel(reply: string | ((call: ChatCallOptions) => string), extra: Partial<ChatModel> = {}): ChatModel & { calls: ChatCallOptions[] } {
  const calls: ChatCallOptions[] = [];
  const text = (call: ChatCallOptions) => (typeof reply === 'string' ? reply : reply(call));
  return {
    specificationVersion: 'v1', provider: 'scripted', modelId: 'test', contextWindow: 8192,
    supportsStreaming: true, supportsStructuredOutput: true, supportsParallelCalls: true,
    calls,
    async doGenerate(call) {
      calls.push(call);
      return { text: text(call), finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 20 } };
    },
    async *doStream(call) {
      calls.push(call);
      const t = text(call);
      for (let i = 0; i < t.length; i += 7) yield { type: 'text-delta', delta: t.slice(i, i + 7) };
      yield { type: 'finish', finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 20 } };
    },
    ...extra,
  };
}
