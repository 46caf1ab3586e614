import type { AlpacaExample, ChatExample, ShareGptExample, ShareGptTurn, TuneDataWarning } from '../../spec/tune-data.js';

const DROPPED_FIELDS = ['name', 'weight', 'tool_call_id'] as const;

function callValue(call: { function: { name: string; arguments: string } }): string {
  let args: unknown = call.function.arguments;
  try {
    args = JSON.parse(call.function.arguments);
  } catch {
    // keep the raw text
  }
  return JSON.stringify({ name: call.function.name, arguments: args });
}

/** Chat → ShareGPT (LLaMA-Factory flavour: function_call/observation turns, tools as JSON text). */
export function chatToShareGpt(chat: ChatExample): { example: ShareGptExample; warnings: TuneDataWarning[] } {
  const warnings: TuneDataWarning[] = [];
  const conversations: ShareGptTurn[] = [];
  let system: string | undefined;
  const dropped = new Set<string>();
  chat.messages.forEach((m, i) => {
    for (const f of DROPPED_FIELDS) if (m[f] !== undefined) dropped.add(f);
    if (m.tool_calls?.some((c) => c.id !== undefined)) dropped.add('tool call id');
    if (m.role === 'system' && i === 0) system = m.content ?? '';
    else if (m.role === 'user') conversations.push({ from: 'human', value: m.content ?? '' });
    else if (m.role === 'assistant') {
      if (m.content) conversations.push({ from: 'gpt', value: m.content });
      for (const call of m.tool_calls ?? []) conversations.push({ from: 'function_call', value: callValue(call) });
      if (!m.content && !m.tool_calls?.length) conversations.push({ from: 'gpt', value: '' });
    } else if (m.role === 'tool') conversations.push({ from: 'observation', value: m.content ?? '' });
    else conversations.push({ from: m.role, value: m.content ?? '' });
  });
  if (dropped.size > 0) warnings.push({ type: 'lossy-conversion', message: `ShareGPT has no place for per-turn ${[...dropped].join(', ')}; dropped` });
  const example: ShareGptExample = { conversations };
  if (system !== undefined) example.system = system;
  if (chat.tools) example.tools = JSON.stringify(chat.tools);
  return { example, warnings };
}

/** Chat → Alpaca: the last user/assistant pair becomes instruction/output, earlier pairs `history`. */
export function chatToAlpaca(chat: ChatExample): { example: AlpacaExample; warnings: TuneDataWarning[] } {
  const warnings: TuneDataWarning[] = [];
  let system: string | undefined;
  const turns: Array<{ role: string; content: string }> = [];
  let lostTools = Boolean(chat.tools);
  chat.messages.forEach((m, i) => {
    if (m.role === 'system' && i === 0) system = m.content ?? '';
    else if (m.role === 'tool' || m.tool_calls?.length) {
      lostTools = true;
      if (m.role === 'assistant' && m.content) turns.push({ role: 'assistant', content: m.content });
    } else turns.push({ role: m.role === 'user' ? 'user' : m.role === 'assistant' ? 'assistant' : m.role, content: m.content ?? '' });
  });
  if (lostTools) warnings.push({ type: 'lossy-conversion', message: 'Alpaca cannot hold tools, tool calls or tool results; they were dropped' });
  const merged: Array<{ role: string; content: string }> = [];
  for (const t of turns) {
    const last = merged.at(-1);
    if (last && last.role === t.role) last.content = `${last.content}\n\n${t.content}`;
    else merged.push({ ...t });
  }
  if (merged.some((t) => t.role !== 'user' && t.role !== 'assistant')) {
    warnings.push({ type: 'lossy-conversion', message: 'Alpaca only has user and assistant text; other roles were merged into the neighbouring turn' });
  }
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < merged.length; i += 1) {
    if (merged[i]!.role === 'assistant') continue;
    const next = merged[i + 1];
    pairs.push([merged[i]!.content, next?.role === 'assistant' ? next.content : '']);
    if (next?.role === 'assistant') i += 1;
  }
  const last = pairs.pop() ?? ['', ''];
  if (pairs.length > 0) warnings.push({ type: 'multi-turn', message: `${pairs.length + 1} turns: earlier turns go to "history", which plain Alpaca trainers ignore` });
  const example: AlpacaExample = { instruction: last[0], input: '', output: last[1] };
  if (system !== undefined) example.system = system;
  if (pairs.length > 0) example.history = pairs;
  return { example, warnings };
}
