import type { TuneExample, TuneFormat } from '../../spec/tune-data.js';

/** The result of checking one parsed JSON value against a format's shape. */
export type ParsedRecord = { format: TuneFormat; example: TuneExample } | { error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which format a JSON record looks like, from its keys; undefined when none fits. */
export function detectFormat(value: unknown): TuneFormat | undefined {
  if (!isObject(value)) return undefined;
  if ('chosen' in value && 'rejected' in value) return 'dpo';
  if ('messages' in value) return 'chat';
  if ('conversations' in value) return 'sharegpt';
  if ('instruction' in value || ('output' in value && 'input' in value)) return 'alpaca';
  return undefined;
}

function checkMessages(messages: unknown, field: string): string | undefined {
  if (!Array.isArray(messages)) return `"${field}" must be an array of {role, content} objects`;
  for (const [i, m] of messages.entries()) {
    if (!isObject(m)) return `${field}[${i}] is not an object`;
    if (typeof m.role !== 'string') return `${field}[${i}].role must be a string`;
    const hasCalls = Array.isArray(m.tool_calls) && m.tool_calls.length > 0;
    if (typeof m.content !== 'string' && !(hasCalls && (m.content === null || m.content === undefined))) {
      return `${field}[${i}].content must be a string (or null on an assistant turn with tool_calls)`;
    }
  }
  return undefined;
}

function checkAnswer(value: unknown, field: string): string | undefined {
  if (typeof value === 'string') return undefined;
  if (Array.isArray(value)) return checkMessages(value, field);
  if (isObject(value)) return checkMessages([value], field);
  return `"${field}" must be a string, a message or an array of messages`;
}

/** Check a parsed JSON value against `format` (detected when omitted); returns the typed example or why not. */
export function parseRecord(value: unknown, format?: TuneFormat): ParsedRecord {
  if (!isObject(value)) return { error: 'record is not a JSON object' };
  const fmt = format ?? detectFormat(value);
  if (!fmt) return { error: 'record matches no known format (expected messages, conversations, instruction/output or prompt/chosen/rejected)' };
  const error = shapeError(value, fmt);
  return error ? { error } : { format: fmt, example: value as unknown as TuneExample };
}

function shapeError(v: Record<string, unknown>, fmt: TuneFormat): string | undefined {
  switch (fmt) {
    case 'chat':
      if (!('messages' in v)) return 'missing "messages" (expected OpenAI chat format)';
      if (v.tools !== undefined && !Array.isArray(v.tools)) return '"tools" must be an array';
      return checkMessages(v.messages, 'messages');
    case 'sharegpt': {
      if (!Array.isArray(v.conversations)) return '"conversations" must be an array of {from, value} objects';
      for (const [i, t] of v.conversations.entries()) {
        if (!isObject(t) || typeof t.from !== 'string' || typeof t.value !== 'string') return `conversations[${i}] must have string "from" and "value"`;
      }
      if (v.system !== undefined && typeof v.system !== 'string') return '"system" must be a string';
      return undefined;
    }
    case 'alpaca':
      if (typeof v.instruction !== 'string') return '"instruction" must be a string';
      if (typeof v.output !== 'string') return '"output" must be a string';
      if (v.input !== undefined && typeof v.input !== 'string') return '"input" must be a string';
      if (v.history !== undefined && !(Array.isArray(v.history) && v.history.every((h) => Array.isArray(h) && h.length === 2 && h.every((s) => typeof s === 'string')))) {
        return '"history" must be an array of [instruction, response] string pairs';
      }
      return undefined;
    case 'dpo':
      if (typeof v.prompt !== 'string' && !Array.isArray(v.prompt)) return '"prompt" must be a string or an array of messages';
      return (Array.isArray(v.prompt) ? checkMessages(v.prompt, 'prompt') : undefined) ?? checkAnswer(v.chosen, 'chosen') ?? checkAnswer(v.rejected, 'rejected');
  }
}
