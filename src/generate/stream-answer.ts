import { FathomError } from '../util/errors.js';
import { _parseJsonReply } from '../core/generate-text.js';
import { streamText } from '../core/stream-text.js';
import type { AnswerOptions, AnswerStreamPart } from './answer-options.js';
import { _finishAnswer } from './_finish-answer.js';
import { _prepareAnswer } from './_prepare-answer.js';

/**
 * `answer()` as a stream: yields the reply's text deltas as the model writes them, then one `answer` part
 * with the final, verified Answer. The final text is authoritative: citations to sources that were never
 * provided are removed from it after the stream ends. Abstentions and extractive answers arrive as one delta.
 */
export async function* streamAnswer(options: AnswerOptions): AsyncGenerator<AnswerStreamPart> {
  const prepared = await _prepareAnswer(options);
  if (prepared.abstainReason || !options.model || !prepared.prompt) {
    const answer = await _finishAnswer(options, prepared);
    yield { type: 'text-delta', delta: answer.text };
    yield { type: 'answer', answer };
    return;
  }
  const model = options.model;
  const perfNow = options._internal?.perfNow ?? (() => performance.now());
  const t0 = perfNow();
  const stream = streamText({
    model, messages: prepared.prompt.messages, temperature: options.temperature ?? 0, maxOutputTokens: options.maxOutputTokens ?? 512,
    responseFormat: options.responseFormat, abortSignal: options.signal,
  });
  for await (const delta of stream) {
    if (options.signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'The answer stream was aborted.', cause: options.signal.reason });
    yield { type: 'text-delta', delta };
  }
  const result = await stream.result;
  const json = options.responseFormat ? _parseJsonReply(result, model) : undefined;
  const answer = await _finishAnswer(options, prepared, { text: result.text, usage: result.usage, json, generateMs: perfNow() - t0 });
  yield { type: 'answer', answer };
}
