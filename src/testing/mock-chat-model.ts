/**
 * A call-recording ChatModel for tests: replies come from a function (or a fixed string), every call is
 * recorded, usage is counted in whitespace tokens. Implements the real contract, streaming included.
 */
import type { ChatCallOptions, ChatModel, ChatResult, ChatStreamPart, ChatUsage } from '../spec/chat-model.js';
import { FathomError } from '../util/errors.js';

export interface MockChatModelOptions {
  /** The reply for a call: text, or a full result. @default 'mock reply' */
  reply?: string | ((call: ChatCallOptions, index: number) => string | Partial<ChatResult>);
  provider?: string;
  modelId?: string;
  contextWindow?: number;
  supportsStructuredOutput?: boolean;
  supportsParallelCalls?: boolean;
  /** The usage every call reports (unless the reply sets its own). @default whitespace-token counts of the messages and the reply */
  usage?: ChatUsage;
}

export interface MockChatModel extends ChatModel {
  /** Every call, in order. */
  readonly calls: ChatCallOptions[];
}

const words = (text: string): number => (text.match(/\S+/g) ?? []).length;

export function createMockChatModel({ reply = 'mock reply', provider = 'mock', modelId = 'mock-chat', contextWindow = 8192, supportsStructuredOutput = true, supportsParallelCalls = true, usage }: MockChatModelOptions = {}): MockChatModel {
  const calls: ChatCallOptions[] = [];
  const generate = async (call: ChatCallOptions): Promise<ChatResult> => {
    if (call.abortSignal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `The call to ${modelId} was aborted.`, cause: call.abortSignal.reason });
    calls.push(call);
    const r = typeof reply === 'function' ? reply(call, calls.length - 1) : reply;
    const partial: Partial<ChatResult> = typeof r === 'string' ? { text: r } : r;
    const text = partial.text ?? '';
    return {
      text,
      finishReason: partial.finishReason ?? 'stop',
      usage: partial.usage ?? (usage ? { ...usage } : undefined) ?? { inputTokens: call.messages.reduce((n, m) => n + words(m.content), 0), outputTokens: words(text) },
      responseModelId: modelId,
      ...(partial.warnings ? { warnings: partial.warnings } : {}),
    };
  };
  return {
    specificationVersion: 'v1',
    provider,
    modelId,
    contextWindow,
    supportsStreaming: true,
    supportsStructuredOutput,
    supportsParallelCalls,
    calls,
    countTokens: words,
    doGenerate: generate,
    async *doStream(call): AsyncIterable<ChatStreamPart> {
      const result = await generate(call);
      for (const piece of result.text.match(/\S+\s*/g) ?? []) yield { type: 'text-delta', delta: piece };
      yield { type: 'finish', finishReason: result.finishReason, usage: result.usage };
    },
  };
}
