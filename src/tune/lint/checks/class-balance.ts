import type { LintCheck } from '../_context.js';
import { pushTo } from '../push-to.js';
import { foldText } from '../near-duplicates.js';
import { isLabel } from '../answers-agree.js';

/** When answers are class labels (few distinct short outputs): classes much rarer than the most common one. */
export const checkClassBalance: LintCheck = ({ records }) => {
  const outs = records.map((r) => r.output).filter(Boolean);
  if (outs.length < 10 || !outs.every(isLabel)) return [];
  const classes = new Map<string, number[]>();
  records.forEach((r) => {
    if (!r.output) return;
    const key = foldText(r.output);
    pushTo(classes, key, r.line);
  });
  if (classes.size < 2 || classes.size > Math.max(2, Math.min(20, outs.length / 5))) return [];
  const top = Math.max(...[...classes.values()].map((l) => l.length));
  const rare = [...classes.entries()].filter(([, lines]) => lines.length * 4 <= top);
  if (rare.length === 0) return [];
  const counts = [...classes.entries()].map(([k, l]) => `${k}: ${l.length}`).join(', ');
  return [{
    check: 'class-balance',
    severity: 'warning',
    lines: rare.flatMap(([, lines]) => lines).sort((a, b) => a - b),
    message: `imbalanced labels (${counts}); ${rare.map(([k]) => `"${k}"`).join(', ')} at most a quarter of the largest class`,
    hint: 'Add examples of the rare classes (or down-sample the common one); otherwise the model learns to predict the majority label.',
  }];
};
