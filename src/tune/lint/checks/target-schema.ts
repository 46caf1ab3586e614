import type { TrainingMessage } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';
import { TARGET_PROFILES, targetsRejecting } from '../lint-targets.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const KNOWN_TOP = new Set(['messages', 'tools', 'parallel_tool_calls', 'functions']);
const KNOWN_MESSAGE = new Set(['role', 'content', 'name', 'weight', 'tool_calls', 'tool_call_id', 'function_call']);

/**
 * Keys, roles, tool-call shapes and limits the training target enforces (`lint-targets.ts`). Without a
 * target, unknown keys are warnings that name the targets rejecting them at upload.
 */
export const checkTargetSchema: LintCheck = ({ records, target, format, tokens }) => {
  const f = createFindings();
  const p = target ? TARGET_PROFILES[target] : undefined;
  const keyHint = 'Remove the key (or map it to a supported one) before uploading; hosted APIs reject the whole file at validation.';
  const unknownKey = (key: string, where: 'top' | 'message', line: number): void => {
    const place = where === 'top' ? 'top-level key' : 'key in a message';
    if (p) {
      const allowed = where === 'top' ? p.topKeys : p.messageKeys;
      if (allowed && !allowed.has(key)) f.add('target-schema', 'error', `unknown ${place} "${key}" (${p.id} rejects it)`, keyHint, line);
      return;
    }
    const known = where === 'top' ? KNOWN_TOP : KNOWN_MESSAGE;
    if (!known.has(key)) {
      f.add('target-schema', 'warning', `unknown ${place} "${key}" (rejected by ${targetsRejecting(key, where).join(', ')}; ignored by trl, axolotl, unsloth)`, `${keyHint} Pass --target to check one target's rules.`, line);
    }
  };
  if (p?.hosted && format !== 'chat' && records.length > 0) {
    f.add('target-schema', 'error', `${p.id} takes chat JSONL ({"messages": [...]}), not ${format}`, 'Convert first: `fathom tune convert <file> --to chat`.', []);
  }
  for (const r of records) {
    if (format !== 'chat') continue;
    for (const key of Object.keys(r.raw)) unknownKey(key, 'top', r.line);
    const callIds = new Set<string>();
    let prev = '';
    (r.raw.messages as unknown[]).forEach((m) => {
      if (!isObject(m)) return;
      for (const key of Object.keys(m)) unknownKey(key, 'message', r.line);
      if (!p) return;
      const msg = m as unknown as TrainingMessage;
      if (p.hosted && !p.roles.has(msg.role)) f.add('target-schema', 'error', `role "${msg.role}" is not accepted by ${p.id}`, `Use ${[...p.roles].join(', ')} (\`fathom tune convert --to chat\` rewrites tool-call dialects).`, r.line);
      if (p.alternate && msg.role === prev && msg.role !== 'tool') f.add('target-schema', 'error', `two "${msg.role}" turns in a row (${p.id} requires alternating turns)`, 'Merge the consecutive turns.', r.line);
      prev = msg.role;
      if ('weight' in m && p.weight && (!(m.weight === 0 || m.weight === 1) || msg.role !== 'assistant')) {
        f.add('target-schema', 'error', `"weight" must be 0 or 1 and only on assistant turns (${p.id})`, 'Set weight to 0 (skip) or 1 (train) on assistant turns only.', r.line);
      }
      if (!p.hosted) return;
      for (const call of (Array.isArray(msg.tool_calls) ? msg.tool_calls : []) as unknown[]) {
        const fn = isObject(call) ? call.function : undefined;
        if (!isObject(call) || call.type !== 'function' || !isObject(fn) || typeof fn.name !== 'string' || !fn.name) {
          f.add('target-schema', 'error', `tool call is not {type: "function", function: {name, arguments}} (${p.id})`, 'Write each tool call in the OpenAI shape.', r.line);
          continue;
        }
        if (typeof fn.arguments !== 'string') f.add('target-schema', 'error', `tool-call arguments must be a JSON string, not ${typeof fn.arguments} (${p.id})`, 'Serialise the arguments object with JSON.stringify.', r.line);
        if (typeof call.id === 'string') callIds.add(call.id);
        if (p.toolCallId && !(typeof call.id === 'string' && p.toolCallId.test(call.id))) {
          f.add('target-schema', 'error', `tool call id must match ${p.toolCallId} (${p.id})`, 'Use 9-character alphanumeric ids, the same in the call and in its tool turn.', r.line);
        }
      }
      if (msg.role === 'tool' && (p.id === 'openai' || p.id === 'mistral') && !(typeof msg.tool_call_id === 'string' && callIds.has(msg.tool_call_id))) {
        f.add('target-schema', 'error', `tool turn without a "tool_call_id" naming an earlier call (${p.id})`, 'Give every tool call an id and repeat it as tool_call_id in its result turn.', r.line);
      }
    });
  }
  if (p?.minExamples && records.length < p.minExamples) {
    f.add('target-schema', 'error', `${records.length} valid examples; ${p.id} needs at least ${p.minExamples}`, 'Add examples (50–100 good ones is a usual start) before uploading.', []);
  }
  if (p?.maxExampleTokens) {
    const over = records.filter((_, i) => (tokens[i] ?? 0) > p.maxExampleTokens!).map((r) => r.line);
    if (over.length) f.add('target-schema', 'error', `${over.length} example(s) over ${p.id}'s ${p.maxExampleTokens} tokens per training example`, 'Shorten or split them.', over);
  }
  return f.list();
};
