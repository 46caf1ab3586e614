import { _deltas, _startChatServer, _words, exampleForSchema, type ChatServerScriptStep } from './_chat-server.js';
import type { RecordedRequest, ScriptedServer } from './_scripted-server.js';

export type { ChatServerScriptStep, RecordedRequest, ScriptedServer };

/** Options of {@link startAnthropicServer}. */
export interface AnthropicServerOptions {
  /** Scripted answers for the first requests (faults, fixed replies, broken streams). @default [] */
  script?: ChatServerScriptStep[];
  /** When set, requests without `x-api-key: <apiKey>` get a 401. */
  apiKey?: string;
  /** The reply to a request without a forced tool. @default `Echo: <last user message>` */
  reply?: (messages: { role: string; content: string }[]) => string;
  /** Bytes per write when streaming. @default 7 */
  chunkBytes?: number;
}

interface Tool { name: string; input_schema?: Record<string, unknown> }
interface Body { model?: unknown; max_tokens?: unknown; messages?: { role: string; content: string }[]; system?: string; stream?: boolean; stop_sequences?: string[]; tools?: Tool[]; tool_choice?: { type: string; name?: string } }

const error = (status: number, type: string, message: string) => ({ status, body: { type: 'error', error: { type, message } } });

/**
 * A real HTTP server on 127.0.0.1 speaking the Anthropic Messages API (`POST /v1/messages`): checks
 * `x-api-key`, `anthropic-version`, `max_tokens` and that system prompts are top-level; answers plain or
 * streamed (message_start, content_block_start/delta/stop, ping, message_delta, message_stop), forced tools
 * with an input valid against their `input_schema`, `max_tokens` and `stop_sequences`, scriptable faults.
 */
export function startAnthropicServer({ script = [], apiKey, reply, chunkBytes }: AnthropicServerOptions = {}): Promise<ScriptedServer> {
  return _startChatServer({
    basePath: '/v1',
    route: '/messages',
    reject(request) {
      if (apiKey !== undefined && request.headers['x-api-key'] !== apiKey) return error(401, 'authentication_error', 'invalid x-api-key');
      if (!request.headers['anthropic-version']) return error(400, 'invalid_request_error', 'anthropic-version: header is required');
      const body = request.body as Body | undefined;
      if (typeof body?.model !== 'string' || typeof body.max_tokens !== 'number') return error(400, 'invalid_request_error', 'model: Field required; max_tokens: Field required');
      if (!Array.isArray(body.messages) || body.messages.length === 0) return error(400, 'invalid_request_error', 'messages: at least one message is required');
      if (body.messages.some((m) => m.role !== 'user' && m.role !== 'assistant')) return error(400, 'invalid_request_error', 'messages: Unexpected role "system". Use the top-level `system` parameter.');
      if (body.tool_choice?.type === 'tool' && !body.tools?.some((t) => t.name === body.tool_choice!.name)) return error(400, 'invalid_request_error', 'tool_choice: unknown tool');
      return undefined;
    },
    plan(request, scriptedReply, scriptedFinish) {
      const body = request.body as Body;
      const tool = body.tool_choice?.type === 'tool' ? body.tools!.find((t) => t.name === body.tool_choice!.name) : undefined;
      let text = scriptedReply ?? (tool ? JSON.stringify(exampleForSchema(tool.input_schema)) : reply?.(body.messages!) ?? `Echo: ${body.messages!.filter((m) => m.role === 'user').at(-1)?.content ?? ''}`);
      let finishReason = scriptedFinish ?? (tool ? 'tool_use' : 'end_turn');
      const stop = body.stop_sequences?.find((s) => text.includes(s));
      if (stop !== undefined && !tool) {
        text = text.slice(0, text.indexOf(stop));
        finishReason = 'stop_sequence';
      }
      let deltas = _deltas(text);
      if (deltas.length > (body.max_tokens as number)) {
        deltas = deltas.slice(0, body.max_tokens as number);
        finishReason = 'max_tokens';
      }
      const inputTokens = _words(body.system ?? '') + body.messages!.reduce((n, m) => n + _words(m.content) + 3, 0);
      return { stream: body.stream === true, deltas, finishReason, inputTokens, model: String(body.model), extra: { tool: tool?.name, stopSequence: stop } };
    },
    json: (plan) => ({
      id: 'msg_test', type: 'message', role: 'assistant', model: plan.model,
      content: plan.extra?.tool
        ? [{ type: 'tool_use', id: 'toolu_test', name: plan.extra.tool, input: JSON.parse(plan.deltas.join('')) }]
        : [{ type: 'text', text: plan.deltas.join('') }],
      stop_reason: plan.finishReason, stop_sequence: plan.finishReason === 'stop_sequence' ? plan.extra?.stopSequence : null,
      usage: { input_tokens: plan.inputTokens, output_tokens: plan.deltas.length },
    }),
    events(plan) {
      const event = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
      const tool = plan.extra?.tool as string | undefined;
      const events = [
        event('message_start', { message: { id: 'msg_test', type: 'message', role: 'assistant', model: plan.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: plan.inputTokens, output_tokens: 1 } } }),
        event('content_block_start', { index: 0, content_block: tool ? { type: 'tool_use', id: 'toolu_test', name: tool, input: {} } : { type: 'text', text: '' } }),
        event('ping', {}),
      ];
      for (const delta of plan.deltas) {
        events.push(event('content_block_delta', { index: 0, delta: tool ? { type: 'input_json_delta', partial_json: delta } : { type: 'text_delta', text: delta } }));
      }
      events.push(
        event('content_block_stop', { index: 0 }),
        event('message_delta', { delta: { stop_reason: plan.finishReason, stop_sequence: null }, usage: { output_tokens: plan.deltas.length } }),
        event('message_stop', {}),
      );
      return { events, firstDelta: 3 };
    },
    errorEvent: (message) => `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message } })}\n\n`,
  }, { script, chunkBytes });
}
