import type { LintCheck } from '../_context.js';
import { pushTo } from '../_push-to.js';
import { createFindings } from '../_findings.js';
import { findSimilarPairs, groupPairs, shingles } from '../near-duplicates.js';
import { outputsAgree } from './_outputs.js';

/** The same or nearly the same input with materially different answers. */
export const checkContradictions: LintCheck = ({ records }) => {
  const f = createFindings();
  const idx = records.map((_, i) => i).filter((i) => records[i]!.input.trim() !== '');
  const inputs = idx.map((i) => records[i]!.inputWords.join(','));
  const exactPairs: Array<[number, number]> = [];
  const first = new Map<string, number>();
  inputs.forEach((text, k) => {
    const at = first.get(text);
    if (at === undefined) first.set(text, k); else exactPairs.push([at, k]);
  });
  const near = findSimilarPairs({ sets: idx.map((i) => shingles(records[i]!.inputWords)), threshold: 0.9 });
  const group = groupPairs(idx.length, [...exactPairs, ...near]);
  const members = new Map<number, number[]>();
  group.forEach((g, k) => pushTo(members, g, k));
  for (const ks of members.values()) {
    if (ks.length < 2) continue;
    const outs = ks.map((k) => shingles(records[idx[k]!]!.outputWords, 1));
    const bad = new Set<number>();
    let sameInput = true;
    for (let a = 0; a < ks.length; a += 1) {
      for (let b = a + 1; b < ks.length; b += 1) {
        if (outputsAgree(outs[a]!, outs[b]!)) continue;
        bad.add(ks[a]!).add(ks[b]!);
        if (inputs[ks[a]!] !== inputs[ks[b]!]) sameInput = false;
      }
    }
    if (bad.size === 0) continue;
    const lines = [...bad].map((k) => records[idx[k]!]!.line).sort((x, y) => x - y);
    f.add('contradiction', sameInput ? 'error' : 'warning',
      `${sameInput ? 'same' : 'near-same'} input, different answers (lines ${lines.join(', ')})`,
      'Decide which answer is right and fix or drop the others; the model learns the inconsistency and reproduces it at random.', lines);
  }
  return f.list();
};
