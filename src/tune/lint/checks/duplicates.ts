import type { LintFinding } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import { similarGroups } from '../find-similar-examples.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Exact duplicates (same conversation) and near duplicates (same or similar input, agreeing answers). */
export const checkDuplicates: LintCheck = ({ records, similar }) => {
  const findings: LintFinding[] = [];
  const byText = new Map<string, number[]>();
  const exactOf: string[] = [];
  records.forEach((r, i) => {
    const key = `${squash(r.input)}\u0000${squash(r.output)}`;
    exactOf.push(key);
    const list = byText.get(key);
    if (list) list.push(i); else byText.set(key, [i]);
  });
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const lines = group.map((i) => records[i]!.line);
    findings.push({
      check: 'exact-duplicate', severity: 'warning', lines,
      message: `${lines.length} identical examples (lines ${lines.join(', ')})`,
      hint: 'Keep one (`fathom tune dedupe`); repeats over-weight this example and leak across splits.',
    });
  }
  const near = similar.filter((p) => p.sameAnswer && exactOf[p.a] !== exactOf[p.b]);
  const groups = similarGroups(records.length, near);
  const groupOf = new Map<number, number>();
  groups.forEach((g, k) => g.forEach((i) => groupOf.set(i, k)));
  const pairsOf = groups.map(() => [] as typeof near);
  for (const p of near) pairsOf[groupOf.get(p.a)!]!.push(p);
  groups.forEach((group, k) => {
    const lines = group.map((i) => records[i]!.line);
    const inGroup = pairsOf[k]!;
    const byTokens = inGroup.filter((p) => p.by === 'tokens');
    const how = byTokens.length > 0
      ? `paraphrased prompts, token similarity ≥ ${Math.min(...byTokens.map((p) => p.similarity)).toFixed(2)}`
      : inGroup.every((p) => p.by === 'same-input') ? 'same input' : `similarity ≥ ${Math.min(...inGroup.map((p) => p.similarity)).toFixed(2)}`;
    findings.push({
      check: 'near-duplicate', severity: 'warning', lines,
      message: `${lines.length} near-duplicate examples (lines ${lines.join(', ')}; ${how}), same answer`,
      hint: 'Keep the best one or vary them (`fathom tune dedupe`); near copies add weight, not information, and `tune split` keeps them on one side.',
    });
  });
  return findings;
};
