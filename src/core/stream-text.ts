import type { ChatCallOptions, ChatModel, ChatResult } from '../spec/chat-model.js';
import { FathomError, toFathomError } from '../util/errors.js';
import { _validateCall } from './generate-text.js';

/** Options of {@link streamText}: the call options plus the model. */
export interface StreamTextOptions extends ChatCallOptions {
  model: ChatModel;
}

/** A streaming reply: iterate it (or `textStream`) for text deltas; `result` settles with the whole reply. */
export interface StreamTextResult extends AsyncIterable<string> {
  textStream: AsyncIterable<string>;
  /** The joined text, finish reason and usage; rejects with the FathomError the stream threw. Awaiting it alone consumes the stream. */
  readonly result: Promise<ChatResult>;
}

/**
 * Streams one reply as text deltas. An `error` part from the provider becomes a thrown FathomError (after
 * the deltas that came before it); models without streaming fall back to one `doGenerate` delta.
 */
export function streamText({ model, ...call }: StreamTextOptions): StreamTextResult {
  _validateCall(call);
  let settle!: { resolve: (r: ChatResult) => void; reject: (e: FathomError) => void };
  let settled = false;
  const result = new Promise<ChatResult>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined); // only surfaced to callers who await it
  let started = false;

  async function* run(): AsyncGenerator<string> {
    started = true;
    let text = '';
    try {
      if (!model.supportsStreaming) {
        const whole = await model.doGenerate(call);
        if (whole.text) yield whole.text;
        settled = true;
        return settle.resolve(whole);
      }
      for await (const part of model.doStream(call)) {
        if (part.type === 'text-delta') {
          text += part.delta;
          yield part.delta;
        } else if (part.type === 'error') {
          throw toFathomError(part.error, 'PROVIDER_REQUEST_FAILED');
        } else {
          settled = true;
          settle.resolve({ text, finishReason: part.finishReason, usage: part.usage });
        }
      }
      if (!settled) throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${model.provider} model '${model.modelId}' ended its stream without a finish part.` });
    } catch (error) {
      const failure = toFathomError(error);
      settled = true;
      settle.reject(failure);
      throw failure;
    } finally {
      if (!settled) {
        settled = true;
        settle.reject(new FathomError({ code: 'INTERRUPTED', message: 'The text stream was stopped before it finished.' }));
      }
    }
  }

  const textStream = run();
  return {
    textStream,
    [Symbol.asyncIterator]: () => textStream,
    get result() {
      if (!started) {
        void (async () => {
          for await (const _delta of textStream) {
            // drain: the caller only wants the final result
          }
        })().catch(() => undefined);
      }
      return result;
    },
  };
}
