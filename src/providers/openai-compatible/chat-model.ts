import type { ChatCallOptions, ChatModel, ChatResult, ChatStreamPart, FinishReason } from '../../spec/chat-model.js';
import type { Warning } from '../../spec/embedding-model.js';
import { FathomError, toFathomError } from '../../util/errors.js';
import { postJson } from '../../util/http/post-json.js';
import { postSse } from '../../util/http/post-sse.js';
import { withRetry } from '../../util/http/retry.js';

/** Options of {@link createOpenAICompatibleChatModel}. */
export interface OpenAICompatibleChatOptions {
  /** API root including the version, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  modelId: string;
  /** Context window in tokens. @default 128000 for gpt-4o/gpt-4.1/gpt-5/o-series ids, else 8192 */
  contextWindow?: number;
  /** Extra request headers. @default {} */
  headers?: Record<string, string>;
  /** Deadline of a whole non-streaming call; for streams, of the headers and of each gap between chunks. @default 60000 */
  timeoutMs?: number;
  /** Retries of rate-limited, failed (5xx) and timed-out requests (streams: only before the first event). @default 2 */
  maxRetries?: number;
  /** Delay before the first retry (doubles each time; `Retry-After` wins when longer). @default 500 */
  retryBaseDelayMs?: number;
  /** Whether the server enforces `response_format: json_schema`; when false a schema is only requested (json_object). @default true */
  supportsStructuredOutput?: boolean;
  /** Name of the output limit field: newer OpenAI models want `max_completion_tokens`. @default 'max_tokens' */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Test seam: fake sleep between retries. */
  _internal?: { sleep?: (ms: number) => Promise<void> };
}

const provider = 'openai-compatible';
const finishReasons: Record<string, FinishReason> = { stop: 'stop', length: 'length', content_filter: 'content-filter', tool_calls: 'other', function_call: 'other' };
const _finish = (reason: unknown): FinishReason => finishReasons[String(reason)] ?? 'other';

/** A chat model behind any OpenAI-compatible `POST /chat/completions` endpoint (OpenAI, Ollama, vLLM, LM Studio, llama.cpp server, Together, Groq…). */
export function createOpenAICompatibleChatModel({
  baseURL, apiKey, modelId, contextWindow = /^(gpt-4o|gpt-4\.1|gpt-5|o\d)/.test(modelId) ? 128_000 : 8192, headers = {}, timeoutMs = 60_000,
  maxRetries = 2, retryBaseDelayMs = 500, supportsStructuredOutput = true, maxTokensField = 'max_tokens', fetch, _internal,
}: OpenAICompatibleChatOptions): ChatModel {
  const url = `${baseURL.replace(/\/+$/, '')}/chat/completions`;
  const auth: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const request = (call: ChatCallOptions, stream: boolean) => {
    const warnings: Warning[] = [];
    const body: Record<string, unknown> = { model: modelId, messages: call.messages.map(({ role, content }) => ({ role, content })) };
    if (call.maxOutputTokens !== undefined) body[maxTokensField] = call.maxOutputTokens;
    if (call.temperature !== undefined) body.temperature = call.temperature;
    if (call.topP !== undefined) body.top_p = call.topP;
    if (call.stopSequences?.length) body.stop = call.stopSequences;
    if (call.seed !== undefined) body.seed = call.seed;
    const format = call.responseFormat;
    if (format?.schema && supportsStructuredOutput) body.response_format = { type: 'json_schema', json_schema: { name: format.name ?? 'response', schema: format.schema, strict: true } };
    else if (format) body.response_format = { type: 'json_object' };
    if (format?.schema && !supportsStructuredOutput) warnings.push({ type: 'unsupported-setting', setting: 'responseFormat.schema', message: `'${modelId}' is configured without enforced structured output; JSON is requested but the schema is not enforced.` });
    if (stream) Object.assign(body, { stream: true, stream_options: { include_usage: true } });
    const post = { url, body, headers: { ...auth, ...headers, ...call.headers }, timeoutMs, abortSignal: call.abortSignal, fetch, provider };
    const retry = { maxRetries, baseDelayMs: retryBaseDelayMs, signal: call.abortSignal, _internal };
    return { post, retry, warnings };
  };

  return {
    specificationVersion: 'v1', provider, modelId, contextWindow, supportsStreaming: true, supportsStructuredOutput, supportsParallelCalls: true,
    async doGenerate(call): Promise<ChatResult> {
      const { post, retry, warnings } = request(call, false);
      const json = await withRetry({ fn: () => postJson(post), ...retry });
      const result = _parseCompletion(json, url);
      return warnings.length ? { ...result, warnings } : result;
    },
    async *doStream(call): AsyncGenerator<ChatStreamPart> {
      const { post, retry } = request(call, true);
      const events = await withRetry({ fn: () => postSse(post), ...retry });
      let finishReason: FinishReason | undefined;
      const usage = { inputTokens: 0, outputTokens: 0 };
      try {
        for await (const event of events) {
          if (event.data.trim() === '[DONE]') break;
          const chunk = _json(event.data, url) as { error?: { message?: string }; choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } };
          if (chunk.error) throw new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `${provider} failed mid-stream at ${url}: ${chunk.error.message ?? JSON.stringify(chunk.error)}`, details: { provider, url } });
          const choice = chunk.choices?.[0];
          if (typeof choice?.delta?.content === 'string' && choice.delta.content) yield { type: 'text-delta', delta: choice.delta.content };
          if (choice?.finish_reason) finishReason = _finish(choice.finish_reason);
          if (chunk.usage) Object.assign(usage, { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0 });
        }
        if (!finishReason) throw new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} ended the stream from ${url} before a finish reason.`, details: { provider, url } });
      } catch (error) {
        yield { type: 'error', error: toFathomError(error, 'PROVIDER_BAD_RESPONSE') };
        return;
      }
      yield { type: 'finish', finishReason, usage };
    },
  };
}

function _bad(url: string, why: string): FathomError {
  return new FathomError({ code: 'PROVIDER_BAD_RESPONSE', message: `${provider} returned an unexpected chat response from ${url}: ${why}.`, details: { provider, url } });
}

function _json(data: string, url: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw _bad(url, `a stream chunk is not JSON: ${data.slice(0, 120)}`);
  }
}

function _parseCompletion(json: unknown, url: string): ChatResult {
  const body = json as { model?: unknown; choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[]; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } } | null;
  const choice = body?.choices?.[0];
  if (!choice?.message) throw _bad(url, "no 'choices[0].message'");
  const { content, refusal } = choice.message;
  if (content !== null && content !== undefined && typeof content !== 'string') throw _bad(url, "'message.content' is not a string");
  const result: ChatResult = {
    text: content ?? '',
    finishReason: refusal ? 'content-filter' : _finish(choice.finish_reason),
    usage: { inputTokens: Number(body!.usage?.prompt_tokens ?? 0), outputTokens: Number(body!.usage?.completion_tokens ?? 0) },
  };
  if (typeof body!.model === 'string') result.responseModelId = body!.model;
  if (typeof refusal === 'string' && refusal) result.warnings = [{ type: 'refusal', message: refusal }];
  return result;
}
