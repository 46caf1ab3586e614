import type { LintCheck } from '../_context.js';
import { createFindings } from '../_findings.js';

/** Turns with no text (and no tool calls); DPO answers that are empty. */
export const checkEmptyTurns: LintCheck = ({ records }) => {
  const f = createFindings();
  for (const r of records) {
    for (const m of [...r.messages, ...(r.rejected ?? [])]) {
      if ((m.content ?? '').trim() === '' && !m.tool_calls?.length) {
        f.add('empty-turn', 'error', `empty ${m.role} turn`, 'Fill in the turn or drop the example; empty turns teach the model to answer with nothing.', r.line);
      }
    }
  }
  return f.list();
};
