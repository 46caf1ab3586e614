import type { ChatCallOptions, ChatModel, ChatResult } from '../spec/chat-model.js';
import { FathomError, toFathomError } from '../util/errors.js';
import { withRetry } from '../util/http/retry.js';

/** Options of {@link generateText}: the call options plus the model. */
export interface GenerateTextOptions extends ChatCallOptions {
  model: ChatModel;
  /** Extra whole-call retries of retryable failures. Remote providers already retry their HTTP requests. @default 0 */
  maxRetries?: number;
}

/** A chat result; `json` holds the parsed reply when `responseFormat` was set. */
export interface GenerateTextResult extends ChatResult {
  json?: unknown;
}

/**
 * Generates one reply: validates the call, maps any failure to a FathomError, and with `responseFormat`
 * parses the reply as JSON (PROVIDER_BAD_RESPONSE when it is not JSON, e.g. cut short by `maxOutputTokens`).
 */
export async function generateText({ model, maxRetries = 0, ...call }: GenerateTextOptions): Promise<GenerateTextResult> {
  _validateCall(call);
  let result: ChatResult;
  try {
    result = await withRetry({ fn: () => model.doGenerate(call), maxRetries, signal: call.abortSignal });
  } catch (error) {
    throw toFathomError(error);
  }
  if (!call.responseFormat) return result;
  return { ...result, json: _parseJsonReply(result, model) };
}

/** Throws INVALID_ARGUMENT for calls no provider can answer. */
export function _validateCall(call: ChatCallOptions): void {
  if (!Array.isArray(call.messages) || call.messages.length === 0) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: "A chat call needs at least one message in 'messages'." });
  }
  if (call.maxOutputTokens !== undefined && (!Number.isInteger(call.maxOutputTokens) || call.maxOutputTokens < 1)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `'maxOutputTokens' must be a positive integer, got ${call.maxOutputTokens}.` });
  }
}

/** Parses a structured reply, explaining the usual cause when it is not JSON. */
export function _parseJsonReply(result: ChatResult, model: ChatModel): unknown {
  try {
    return JSON.parse(result.text);
  } catch (error) {
    const hint = result.finishReason === 'length' ? " The reply was cut short: raise 'maxOutputTokens'." : '';
    throw new FathomError({
      code: 'PROVIDER_BAD_RESPONSE',
      message: `${model.provider} model '${model.modelId}' returned text that is not JSON for a structured-output call.${hint}`,
      cause: error,
      details: { provider: model.provider, modelId: model.modelId, finishReason: result.finishReason, text: result.text.slice(0, 200) },
    });
  }
}
