import type { TrainingMessage, PreferenceExample, TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { answerMessages, toChat } from '../formats/to-chat.js';
import { TURN_SEPARATOR } from './find-paraphrases.js';
import { wordHashes } from './near-duplicates.js';

/** One example as the checks see it: the chat view with roles as written, and the texts they compare. */
export interface LintRecord {
  line: number;
  /** Chat view; for DPO: prompt + chosen answer. */
  messages: TrainingMessage[];
  /** DPO only: the rejected answer's turns. */
  rejected?: TrainingMessage[];
  /** DPO only: how many of `messages` are the prompt. */
  promptTurns?: number;
  tools?: unknown[];
  /** First system prompt ('' when none). */
  system: string;
  /** Text of the last user turn before the final answer. */
  lastUser: string;
  /** Everything before the final assistant turn, as text (the input the output answers). */
  input: string;
  /** The final assistant turn's text (tool-call JSON when it only calls tools; '' when there is none). */
  output: string;
  /** Word hashes of `input` and `output` (for shingling). */
  inputWords: Int32Array;
  outputWords: Int32Array;
  /** The user turns before the final answer, joined by `TURN_SEPARATOR`: what paraphrase detection compares. */
  userText: string;
  /** When the final answer calls tools: its calls as canonical JSON (name + parsed arguments), to compare answers exactly. */
  callsKey?: string;
  /** The record as read (unknown keys included), for the target schema check. */
  raw: Record<string, unknown>;
}

function _canonical(value: unknown): unknown {
  if (typeof value === 'string') {
    try {
      return _canonical(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map(_canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, _canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Text of a turn, tool calls rendered as JSON. */
export function messageText(m: TrainingMessage): string {
  const calls = m.tool_calls?.map((c) => JSON.stringify({ name: c.function?.name, arguments: c.function?.arguments })).join('\n') ?? '';
  return [m.content ?? '', calls].filter(Boolean).join('\n');
}

/** Build the lint view of one example. */
export function toLintRecord(line: number, example: TuneExample, format: TuneFormat): LintRecord {
  let messages: TrainingMessage[];
  let rejected: TrainingMessage[] | undefined;
  let tools: unknown[] | undefined;
  let promptTurns: number | undefined;
  if (format === 'dpo') {
    const e = example as PreferenceExample;
    const prompt = typeof e.prompt === 'string' ? [{ role: 'user', content: e.prompt }] : e.prompt;
    messages = [...prompt, ...answerMessages(e.chosen)];
    rejected = answerMessages(e.rejected);
    promptTurns = prompt.length;
  } else {
    const chat = toChat({ example, format, normalizeDialects: false }).example;
    messages = chat.messages;
    tools = chat.tools;
  }
  let last = messages.length - 1;
  while (last >= 0 && !messages[last]!.role.startsWith('assistant')) last -= 1;
  const before = last >= 0 ? messages.slice(0, last) : messages;
  const lastUser = [...before].reverse().find((m) => m.role === 'user' || m.role === 'human');
  const input = before.map((m) => `${m.role}: ${messageText(m)}`).join('\n');
  const final = last >= 0 ? messages[last]! : undefined;
  const output = final ? messageText(final) : '';
  const calls = final?.tool_calls?.length ? final.tool_calls : final && final.role !== 'assistant' && final.role.startsWith('assistant') ? [final.content] : undefined;
  const userText = before.filter((m) => m.role === 'user' || m.role === 'human').map((m) => m.content ?? '').join(TURN_SEPARATOR);
  return {
    line,
    messages,
    rejected,
    promptTurns,
    tools,
    system: messages[0]?.role === 'system' ? messages[0].content ?? '' : '',
    lastUser: lastUser?.content ?? '',
    input,
    output,
    inputWords: wordHashes(input),
    outputWords: wordHashes(output),
    userText,
    callsKey: calls ? JSON.stringify(calls.map((c) => _canonical(typeof c === 'object' && c ? { name: c.function?.name, arguments: c.function?.arguments } : c))) : undefined,
    raw: example as unknown as Record<string, unknown>,
  };
}
