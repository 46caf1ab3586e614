import type { LintFinding } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import { similarGroups } from '../find-similar-examples.js';

/** The same or a near-same input (incl. paraphrased prompts) with materially different answers. */
export const checkContradictions: LintCheck = ({ records, similar }) => {
  const findings: LintFinding[] = [];
  const differing = similar.filter((p) => !p.sameAnswer);
  const groups = similarGroups(records.length, differing);
  const groupOf = new Map<number, number>();
  groups.forEach((g, k) => g.forEach((i) => groupOf.set(i, k)));
  const pairsOf = groups.map(() => [] as typeof differing);
  for (const p of differing) pairsOf[groupOf.get(p.a)!]!.push(p);
  groups.forEach((group, k) => {
    const lines = group.map((i) => records[i]!.line);
    const pairs = pairsOf[k]!;
    const sameInput = pairs.every((p) => p.by === 'same-input');
    const how = sameInput ? 'same input' : pairs.some((p) => p.by === 'tokens') ? 'paraphrased input' : 'near-same input';
    findings.push({
      check: 'contradiction', severity: sameInput ? 'error' : 'warning', lines,
      message: `${how}, different answers (lines ${lines.join(', ')})`,
      hint: 'Decide which answer is right and fix or drop the others; the model learns the inconsistency and reproduces it at random.',
    });
  });
  return findings;
};
