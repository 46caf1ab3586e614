import type { ChatModel, ChatResult, ChatStreamPart, FinishReason } from '../../spec/chat-model.js';
import { FathomError, toFathomError } from '../../util/errors.js';
import { postJson } from '../../util/http/post-json.js';
import { postSse } from '../../util/http/post-sse.js';
import { withRetry } from '../../util/http/retry.js';
import { _finishReason, _inputTokens, _messagesBody, type _ToolPlan } from './_request.js';
import type { HttpProviderOptions } from '../../util/http/http-provider-options.js';

/**
 * Options of {@link createAnthropicChatModel}. Connection (`HttpProviderOptions`): `timeoutMs` @default 60000 (streams: headers and each gap between chunks), `maxRetries` @default 2 (streams: only before the first event), `retryBaseDelayMs` @default 500.
 */
export interface AnthropicChatOptions extends HttpProviderOptions {
  /** Sent as `x-api-key`. */
  apiKey: string;
  /** e.g. `claude-sonnet-4-5`. */
  modelId: string;
  /** @default 'https://api.anthropic.com/v1' */
  baseURL?: string;
  /** The `anthropic-version` header. @default '2023-06-01' */
  anthropicVersion?: string;
  /** `max_tokens` when a call sets no `maxOutputTokens` (the API requires one). @default 1024 */
  maxOutputTokens?: number;
  /** Context window in tokens. @default 200000 */
  contextWindow?: number;
}

const provider = 'anthropic';

/**
 * A chat model on the Anthropic Messages API. Structured output is one forced tool whose `input_schema`
 * is the schema; the reply text is then the tool input as JSON.
 */
export function createAnthropicChatModel({
  apiKey, modelId, baseURL = 'https://api.anthropic.com/v1', anthropicVersion = '2023-06-01', maxOutputTokens = 1024, contextWindow = 200_000,
  headers = {}, timeoutMs = 60_000, maxRetries = 2, retryBaseDelayMs = 500, fetch, _internal,
}: AnthropicChatOptions): ChatModel {
  const url = `${baseURL.replace(/\/+$/, '')}/messages`;
  const prepare = (call: Parameters<ChatModel['doGenerate']>[0], stream: boolean) => {
    const { body, tool, warnings } = _messagesBody(modelId, call, maxOutputTokens, stream);
    const post = { url, body, headers: { 'x-api-key': apiKey, 'anthropic-version': anthropicVersion, ...headers, ...call.headers }, timeoutMs, abortSignal: call.abortSignal, fetch, provider };
    return { post, tool, warnings, retry: { maxRetries, baseDelayMs: retryBaseDelayMs, signal: call.abortSignal, _internal } };
  };

  return {
    specificationVersion: 'v1', provider, modelId, contextWindow, supportsStreaming: true, supportsStructuredOutput: true, supportsParallelCalls: true,
    async doGenerate(call): Promise<ChatResult> {
      const { post, tool, warnings, retry } = prepare(call, false);
      const result = _parseMessage(await withRetry({ fn: () => postJson(post), ...retry }), tool, url);
      return warnings.length ? { ...result, warnings } : result;
    },
    async *doStream(call): AsyncGenerator<ChatStreamPart> {
      const { post, tool, retry } = prepare(call, true);
      const events = await withRetry({ fn: () => postSse(post), ...retry });
      let finishReason: FinishReason | undefined;
      const usage = { inputTokens: 0, outputTokens: 0 };
      let json = '';
      try {
        for await (const event of events) {
          const data = _json(event.data, url) as { type?: string; message?: { usage?: Record<string, unknown> }; delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: unknown }; usage?: { output_tokens?: number }; error?: { type?: string; message?: string } };
          const type = data.type ?? event.event;
          if (type === 'error') {
            const overloaded = data.error?.type === 'overloaded_error' || data.error?.type === 'api_error';
            const error = new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `${provider} failed mid-stream at ${url}: ${data.error?.message ?? 'unknown error'} (${data.error?.type ?? 'error'}).`, details: { provider, url, errorType: data.error?.type } });
            if (!overloaded) Object.defineProperty(error, 'isRetryable', { value: false });
            throw error;
          }
          if (type === 'message_start') usage.inputTokens = _inputTokens(data.message?.usage);
          else if (type === 'content_block_delta' && data.delta?.type === 'text_delta' && data.delta.text && !tool) yield { type: 'text-delta', delta: data.delta.text };
          else if (type === 'content_block_delta' && data.delta?.type === 'input_json_delta' && tool) {
            json += data.delta.partial_json ?? '';
            if (!tool.wrapped && data.delta.partial_json) yield { type: 'text-delta', delta: data.delta.partial_json };
          } else if (type === 'message_delta') {
            finishReason = _finishReason(data.delta?.stop_reason, tool !== undefined);
            if (data.usage?.output_tokens !== undefined) usage.outputTokens = data.usage.output_tokens;
          } else if (type === 'message_stop') break;
        }
        if (!finishReason) throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} ended the stream from ${url} before a stop reason.`, details: { provider, url } });
        if (tool?.wrapped) yield { type: 'text-delta', delta: JSON.stringify((_json(json, url) as { value?: unknown }).value ?? null) };
      } catch (error) {
        yield { type: 'error', error: toFathomError(error, 'PROVIDER_BAD_RESPONSE') };
        return;
      }
      yield { type: 'finish', finishReason, usage };
    },
  };
}

function _bad(url: string, why: string): FathomError {
  return new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} returned an unexpected response from ${url}: ${why}.`, details: { provider, url } });
}

function _json(data: string, url: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw _bad(url, `not JSON: ${data.slice(0, 120)}`);
  }
}

function _parseMessage(json: unknown, tool: _ToolPlan | undefined, url: string): ChatResult {
  const body = json as { model?: unknown; content?: { type?: string; text?: unknown; input?: unknown; name?: unknown }[]; stop_reason?: unknown; usage?: { output_tokens?: unknown } } | null;
  if (!Array.isArray(body?.content)) throw _bad(url, "no 'content' array");
  let text: string;
  if (tool) {
    const use = body.content.find((block) => block.type === 'tool_use' && block.name === tool.name);
    if (!use) throw _bad(url, `no '${tool.name}' tool_use block for the structured reply`);
    text = JSON.stringify(tool.wrapped ? ((use.input as { value?: unknown } | null)?.value ?? null) : use.input);
  } else {
    text = body.content.filter((block) => block.type === 'text' && typeof block.text === 'string').map((block) => block.text as string).join('');
  }
  const result: ChatResult = {
    text,
    finishReason: _finishReason(body.stop_reason, tool !== undefined),
    usage: { inputTokens: _inputTokens(body.usage as Record<string, unknown>), outputTokens: Number(body.usage?.output_tokens ?? 0) },
  };
  if (typeof body.model === 'string') result.responseModelId = body.model;
  return result;
}
