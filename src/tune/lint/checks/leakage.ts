import type { LintCheck } from '../_context.js';
import { findLeaks } from '../find-leaks.js';

/** Training prompts that appear (exactly, nearly, or contained) in the evaluation set. */
export const checkLeakage: LintCheck = ({ records, evalQuestions }) => {
  if (evalQuestions.length === 0) return [];
  const prompts = records.map((r) => r.messages.filter((m) => m.role === 'user').map((m) => m.content ?? '').join('\n'));
  const leaks = findLeaks({ prompts, evalQuestions });
  if (leaks.length === 0) return [];
  return [{
    check: 'leakage',
    severity: 'error',
    lines: leaks.map((l) => records[l.index]!.line),
    message: `${leaks.length} training prompt(s) appear in the evaluation set, e.g. "${evalQuestions[leaks[0]!.evalIndex]!.slice(0, 80)}"`,
    hint: 'Remove them from the training data (`fathom tune split --eval` excludes them); otherwise the evaluation measures memorisation.',
  }];
};
