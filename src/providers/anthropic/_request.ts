import type { ChatCallOptions, FinishReason, JsonSchema } from '../../spec/chat-model.js';
import type { Warning } from '../../spec/embedding-model.js';

/** How structured output travels: one forced tool; a non-object schema is wrapped as `{ value }`. */
export interface _ToolPlan { name: string; wrapped: boolean }

/** Builds the Messages API body: system messages go to the top-level `system` field. */
export function _messagesBody(modelId: string, call: ChatCallOptions, maxOutputTokens: number, stream: boolean): { body: Record<string, unknown>; tool?: _ToolPlan; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const system = call.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
  const body: Record<string, unknown> = {
    model: modelId,
    max_tokens: call.maxOutputTokens ?? maxOutputTokens,
    messages: call.messages.filter((m) => m.role !== 'system').map(({ role, content }) => ({ role, content })),
  };
  if (system) body.system = system;
  if (call.temperature !== undefined) body.temperature = call.temperature;
  if (call.topP !== undefined) body.top_p = call.topP;
  if (call.stopSequences?.length) body.stop_sequences = call.stopSequences;
  if (call.seed !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'seed', message: 'The Anthropic Messages API has no seed; it was ignored.' });
  let tool: _ToolPlan | undefined;
  if (call.responseFormat) {
    const schema: JsonSchema = call.responseFormat.schema ?? { type: 'object' };
    const wrapped = schema.type !== 'object';
    tool = { name: call.responseFormat.name ?? 'json_response', wrapped };
    body.tools = [{
      name: tool.name,
      description: 'Give the reply by calling this tool with JSON that matches its input schema.',
      input_schema: wrapped ? { type: 'object', properties: { value: schema }, required: ['value'] } : schema,
    }];
    body.tool_choice = { type: 'tool', name: tool.name };
  }
  if (stream) body.stream = true;
  return { body, tool, warnings };
}

const finishReasons: Record<string, FinishReason> = { end_turn: 'stop', stop_sequence: 'stop', max_tokens: 'length', refusal: 'content-filter' };

/** Anthropic stop reasons → fathom finish reasons (`tool_use` is a normal stop when the tool was forced for structured output). */
export function _finishReason(stopReason: unknown, forcedTool: boolean): FinishReason {
  if (stopReason === 'tool_use') return forcedTool ? 'stop' : 'other';
  return finishReasons[String(stopReason)] ?? 'other';
}

/** Input tokens including prompt-cache reads and writes. */
export function _inputTokens(usage: { input_tokens?: unknown; cache_creation_input_tokens?: unknown; cache_read_input_tokens?: unknown } | undefined): number {
  return Number(usage?.input_tokens ?? 0) + Number(usage?.cache_creation_input_tokens ?? 0) + Number(usage?.cache_read_input_tokens ?? 0);
}
