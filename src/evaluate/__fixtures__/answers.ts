/** Test helpers: build Answers and scripted chat models that implement the real contracts. */
import type { Answer } from '../../spec/answer.js';
import type { ChatCallOptions, ChatModel, ChatResult } from '../../spec/chat-model.js';

/** An Answer with defaults for every field. */
export function fakeAnswer(partial: Partial<Answer> = {}): Answer {
  return {
    question: 'q',
    text: '',
    abstained: false,
    citations: [],
    unsupportedClaims: [],
    sources: [],
    sufficiency: 1,
    context: 'none',
    model: 'fake:model',
    usage: { inputTokens: 10, outputTokens: 5 },
    promptTokens: 10,
    latencyMs: { total: 1 },
    warnings: [],
    ...partial,
  };
}

/** A chat model whose replies come from `reply(call, index)`; records every call. */
export function scriptedChatModel(reply: (call: ChatCallOptions, index: number) => string | Error): ChatModel & { calls: ChatCallOptions[] } {
  const calls: ChatCallOptions[] = [];
  return {
    specificationVersion: 'v1',
    provider: 'scripted',
    modelId: 'judge-1',
    contextWindow: 8192,
    supportsStreaming: false,
    supportsStructuredOutput: true,
    supportsParallelCalls: true,
    calls,
    async doGenerate(call): Promise<ChatResult> {
      calls.push(call);
      const r = reply(call, calls.length - 1);
      if (r instanceof Error) throw r;
      return { text: r, finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 20 } };
    },
    doStream(): AsyncIterable<never> {
      throw new Error('not scripted');
    },
  };
}
