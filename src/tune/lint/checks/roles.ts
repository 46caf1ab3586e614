import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);
const TOOL_CALL_DIALECT = new Set(['assistant_tool_call', 'function_call']);
const TOOL_RESULT_DIALECT = new Set(['observation', 'function']);

/** Unknown roles and role-order errors: assistant first, two user turns in a row, no assistant turn, system not first. */
export const checkRoles: LintCheck = ({ records }) => {
  const f = createFindings();
  const add = (severity: 'error' | 'warning', message: string, hint: string, line: number): void => f.add('roles', severity, message, hint, line);
  for (const r of records) {
    let prev = '';
    let sawAssistant = false;
    let pendingCalls = false;
    let sawUnknown = false;
    r.messages.forEach((m, i) => {
      let role = m.role;
      if (TOOL_CALL_DIALECT.has(role) || TOOL_RESULT_DIALECT.has(role)) {
        add('warning', `non-standard role "${role}"`, 'OpenAI-style trainers reject it: run `fathom tune convert --to chat` to rewrite it as assistant tool_calls / tool turns.', r.line);
        role = TOOL_CALL_DIALECT.has(role) ? 'assistant' : 'tool';
        if (TOOL_CALL_DIALECT.has(m.role)) pendingCalls = true;
      } else if (!ROLES.has(role)) {
        add('error', `unknown role "${role}"`, 'Use one of system, user, assistant, tool.', r.line);
        sawUnknown = true;
        prev = role;
        return;
      }
      if (role === 'assistant' && m.tool_calls?.length) pendingCalls = true;
      if (role === 'system' && i > 0) add('error', 'system turn is not the first turn', 'Move the system prompt to the start of the conversation (or merge it into the user turn).', r.line);
      if (role === 'assistant' && !sawAssistant && !r.messages.slice(0, i).some((p) => p.role === 'user')) {
        add('error', 'assistant turn comes before any user turn', 'Start every conversation with a user turn (after an optional system prompt).', r.line);
      }
      if (role === 'user' && prev === 'user') add('error', 'two user turns in a row', 'Merge consecutive user turns or insert the missing assistant reply.', r.line);
      if (role === 'assistant' && prev === 'assistant' && !m.tool_calls?.length && !TOOL_CALL_DIALECT.has(m.role)) {
        add('warning', 'two assistant turns in a row', 'Merge consecutive assistant turns; the model learns to answer twice.', r.line);
      }
      if (role === 'tool' && !pendingCalls) add('error', 'tool turn without a preceding tool call', 'A tool result must follow an assistant turn with tool_calls.', r.line);
      if (role === 'assistant') sawAssistant = true;
      prev = role;
    });
    // An unknown role is most likely the answer under another name: reported once, as the unknown role.
    if (!sawAssistant && !sawUnknown) add('error', 'no assistant turn', 'Add the assistant answer the model should learn; an example without one trains nothing.', r.line);
    else if (prev === 'user') add('warning', 'conversation ends with a user turn', 'Drop the trailing user turn or add the assistant answer; nothing after the last assistant turn is learned.', r.line);
  }
  return f.list();
};
