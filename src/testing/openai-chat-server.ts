import { _deltas, _startChatServer, _words, exampleForSchema, type _ChatPlan, type ChatServerScriptStep } from './_chat-server.js';
import type { RecordedRequest, ScriptedServer } from './_scripted-server.js';

export type { ChatServerScriptStep, RecordedRequest, ScriptedServer };

/** Options of {@link startOpenAIChatServer}. */
export interface OpenAIChatServerOptions {
  /** Scripted answers for the first requests (faults, fixed replies, broken streams). @default [] */
  script?: ChatServerScriptStep[];
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  apiKey?: string;
  /** The reply to a request without a schema. @default `Echo: <last user message>` */
  reply?: (messages: { role: string; content: string }[]) => string;
  /** Bytes per write when streaming (small values split SSE lines across reads). @default 7 */
  chunkBytes?: number;
}

interface Body { model?: unknown; messages?: { role: string; content: string }[]; stream?: boolean; max_tokens?: number; max_completion_tokens?: number; stream_options?: { include_usage?: boolean }; response_format?: { type: string; json_schema?: { schema?: Record<string, unknown> } } }

/**
 * A real HTTP server on 127.0.0.1 speaking OpenAI chat completions (`POST /v1/chat/completions`), plain
 * and streamed (SSE `data:` chunks, `stream_options.include_usage`, `[DONE]`), with `response_format`
 * json_schema replies that satisfy the schema, `max_tokens` truncation (one token per word), scriptable
 * faults and a request log. Provider contract tests run against it.
 */
export function startOpenAIChatServer({ script = [], apiKey, reply, chunkBytes }: OpenAIChatServerOptions = {}): Promise<ScriptedServer> {
  return _startChatServer({
    basePath: '/v1',
    route: '/chat/completions',
    reject(request) {
      if (apiKey !== undefined && request.headers.authorization !== `Bearer ${apiKey}`) return { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } } };
      const body = request.body as Body | undefined;
      const valid = typeof body?.model === 'string' && Array.isArray(body.messages) && body.messages.length > 0 && body.messages.every((m) => ['system', 'user', 'assistant', 'developer'].includes(m?.role) && typeof m.content === 'string');
      return valid ? undefined : { status: 400, body: { error: { message: "'model' and a non-empty 'messages' array of {role, content} are required.", type: 'invalid_request_error' } } };
    },
    plan(request, scriptedReply, scriptedFinish) {
      const body = request.body as Body;
      const format = body.response_format;
      const text = scriptedReply
        ?? (format?.type === 'json_schema' ? JSON.stringify(exampleForSchema(format.json_schema?.schema)) : format?.type === 'json_object' ? '{}' : undefined)
        ?? reply?.(body.messages!)
        ?? `Echo: ${body.messages!.filter((m) => m.role === 'user').at(-1)?.content ?? ''}`;
      let deltas = _deltas(text);
      let finishReason = scriptedFinish ?? 'stop';
      const limit = body.max_completion_tokens ?? body.max_tokens;
      if (limit !== undefined && deltas.length > limit) {
        deltas = deltas.slice(0, limit);
        finishReason = 'length';
      }
      const inputTokens = body.messages!.reduce((n, m) => n + _words(m.content) + 3, 0);
      return { stream: body.stream === true, deltas, finishReason, inputTokens, model: `${String(body.model)}-2025`, extra: { includeUsage: body.stream_options?.include_usage === true } };
    },
    json: (plan) => ({
      id: 'chatcmpl-test', object: 'chat.completion', created: 1_700_000_000, model: plan.model,
      choices: [{ index: 0, message: { role: 'assistant', content: plan.deltas.join('') }, finish_reason: plan.finishReason }],
      usage: _usage(plan),
    }),
    events(plan) {
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
        `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model: plan.model, choices, ...extra })}\n\n`;
      const events = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])];
      for (const delta of plan.deltas) events.push(chunk([{ index: 0, delta: { content: delta }, finish_reason: null }]));
      events.push(chunk([{ index: 0, delta: {}, finish_reason: plan.finishReason }]));
      if (plan.extra?.includeUsage) events.push(chunk([], { usage: _usage(plan) }));
      events.push('data: [DONE]\n\n');
      return { events, firstDelta: 1 };
    },
    errorEvent: (message) => `data: ${JSON.stringify({ error: { message, type: 'server_error' } })}\n\n`,
  }, { script, chunkBytes });
}

function _usage(plan: _ChatPlan): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  return { prompt_tokens: plan.inputTokens, completion_tokens: plan.deltas.length, total_tokens: plan.inputTokens + plan.deltas.length };
}
