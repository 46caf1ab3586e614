import type {
  AlpacaExample, ChatExample, TrainingMessage, PreferenceExample, ShareGptExample, TuneDataWarning, TuneExample, TuneFormat,
} from '../../spec/tune-data.js';

/** Options of {@link toChat}. */
export interface ToChatOptions {
  example: TuneExample;
  format: TuneFormat;
  /**
   * Rewrite dialect roles (`assistant_tool_call`/`function_call` → assistant `tool_calls`,
   * `observation`/`function` → `tool`). Lint turns this off to see the roles as written.
   * @default true
   */
  normalizeDialects?: boolean;
}

const SHAREGPT_ROLES: Record<string, string> = {
  human: 'user', user: 'user', gpt: 'assistant', assistant: 'assistant', model: 'assistant', system: 'system',
  function_call: 'assistant_tool_call', observation: 'tool', tool: 'tool', function: 'tool',
};
const TOOL_CALL_ROLES = new Set(['assistant_tool_call', 'function_call']);
const TOOL_RESULT_ROLES = new Set(['observation', 'function']);

/** Convert any record to the OpenAI chat shape (the pivot of all conversions). */
export function toChat({ example, format, normalizeDialects = true }: ToChatOptions): { example: ChatExample; warnings: TuneDataWarning[] } {
  const warnings: TuneDataWarning[] = [];
  let chat: ChatExample;
  if (format === 'chat') {
    const e = example as ChatExample;
    chat = { ...e, messages: e.messages.map((m) => ({ ...m })) };
  } else if (format === 'sharegpt') {
    const e = example as ShareGptExample;
    const messages: TrainingMessage[] = e.system ? [{ role: 'system', content: e.system }] : [];
    for (const t of e.conversations) messages.push({ role: SHAREGPT_ROLES[t.from] ?? t.from, content: t.value });
    chat = { messages };
    if (e.tools) {
      try {
        chat.tools = JSON.parse(e.tools) as unknown[];
      } catch {
        warnings.push({ type: 'lossy-conversion', message: 'the "tools" field is not valid JSON and was dropped' });
      }
    }
  } else if (format === 'alpaca') {
    const e = example as AlpacaExample;
    const messages: TrainingMessage[] = e.system ? [{ role: 'system', content: e.system }] : [];
    for (const [q, a] of e.history ?? []) messages.push({ role: 'user', content: q }, { role: 'assistant', content: a });
    messages.push({ role: 'user', content: e.input ? `${e.instruction}\n\n${e.input}` : e.instruction });
    messages.push({ role: 'assistant', content: e.output });
    chat = { messages };
  } else {
    const e = example as PreferenceExample;
    const prompt: TrainingMessage[] = typeof e.prompt === 'string' ? [{ role: 'user', content: e.prompt }] : e.prompt.map((m) => ({ ...m }));
    chat = { messages: [...prompt, ...answerMessages(e.chosen)] };
    warnings.push({ type: 'lossy-conversion', message: 'DPO → chat keeps the chosen answer; the rejected answer is dropped' });
  }
  if (normalizeDialects) chat.messages = chat.messages.map((m) => normalizeMessage(m, warnings));
  return { example: chat, warnings };
}

/** The answer of a DPO pair as assistant turns. */
export function answerMessages(answer: PreferenceExample['chosen']): TrainingMessage[] {
  if (typeof answer === 'string') return [{ role: 'assistant', content: answer }];
  return (Array.isArray(answer) ? answer : [answer]).map((m) => ({ ...m }));
}

function normalizeMessage(m: TrainingMessage, warnings: TuneDataWarning[]): TrainingMessage {
  if (TOOL_RESULT_ROLES.has(m.role)) return { ...m, role: 'tool' };
  if (!TOOL_CALL_ROLES.has(m.role)) return m;
  try {
    const parsed = JSON.parse(m.content ?? '') as unknown;
    const calls = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ name?: unknown; arguments?: unknown }>;
    if (!calls.every((c) => typeof c === 'object' && c !== null && typeof c.name === 'string')) throw new Error('no name');
    return {
      role: 'assistant',
      content: null,
      tool_calls: calls.map((c) => ({
        type: 'function' as const,
        function: { name: c.name as string, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {}) },
      })),
    };
  } catch {
    warnings.push({ type: 'lossy-conversion', message: `a "${m.role}" turn is not a JSON {name, arguments} call; kept as a plain assistant turn` });
    return { ...m, role: 'assistant' };
  }
}
