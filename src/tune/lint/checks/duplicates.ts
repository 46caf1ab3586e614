import type { LintFinding } from '../../../spec/tune-data.js';
import type { LintCheck } from '../_context.js';
import { pushTo } from '../_push-to.js';
import { findSimilarPairs, groupPairs, jaccard, shingles } from '../near-duplicates.js';
import { outputsAgree } from './_outputs.js';

function concat(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Exact duplicates (same conversation) and near duplicates (similar conversation, similar answer). */
export const checkDuplicates: LintCheck = ({ records, nearDuplicateThreshold }) => {
  const findings: LintFinding[] = [];
  const byText = new Map<string, number[]>();
  records.forEach((r, i) => {
    const key = `${squash(r.input)}\u0000${squash(r.output)}`;
    const list = byText.get(key);
    if (list) list.push(i); else byText.set(key, [i]);
  });
  const reps: number[] = [];
  for (const group of byText.values()) {
    reps.push(group[0]!);
    if (group.length > 1) {
      const lines = group.map((i) => records[i]!.line);
      findings.push({
        check: 'exact-duplicate', severity: 'warning', lines,
        message: `${lines.length} identical examples (lines ${lines.join(', ')})`,
        hint: 'Keep one (`fathom tune dedupe`); repeats over-weight this example and leak across splits.',
      });
    }
  }
  reps.sort((a, b) => a - b);
  const sets = reps.map((i) => shingles(concat(records[i]!.inputWords, records[i]!.outputWords)));
  const outs = reps.map((i) => shingles(records[i]!.outputWords, 1));
  const pairs = findSimilarPairs({ sets, threshold: nearDuplicateThreshold }).filter(([a, b]) => outputsAgree(outs[a]!, outs[b]!));
  const group = groupPairs(reps.length, pairs);
  const members = new Map<number, number[]>();
  group.forEach((g, k) => pushTo(members, g, k));
  for (const ks of members.values()) {
    if (ks.length < 2) continue;
    const lines = ks.map((k) => records[reps[k]!]!.line);
    const sim = Math.min(...ks.slice(1).map((k) => jaccard(sets[ks[0]!]!, sets[k]!)));
    findings.push({
      check: 'near-duplicate', severity: 'warning', lines,
      message: `${lines.length} near-duplicate examples (lines ${lines.join(', ')}; similarity ≥ ${sim.toFixed(2)})`,
      hint: 'Keep the best one or vary them (`fathom tune dedupe --near`); near copies add weight, not information.',
    });
  }
  return findings;
};
