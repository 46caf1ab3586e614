import type { RoleDiversity } from '../../spec/tune-data.js';
import type { LintRecord } from './lint-records.js';
import { messageText } from './lint-records.js';
import { foldText } from './near-duplicates.js';

const SAMPLE = 2000;
const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Whitespace-separated words of `text`. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n += 1;
    inWord = !space;
  }
  return n;
}

/** Distinct-1 and distinct-2 ratios of texts (an even sample of at most 2,000). */
export function distinctRatios(texts: string[]): { distinct1: number; distinct2: number } {
  const step = Math.max(1, Math.floor(texts.length / SAMPLE));
  const uni = new Set<string>(), bi = new Set<string>();
  let n1 = 0, n2 = 0;
  for (let i = 0; i < texts.length; i += step) {
    const w = foldText(texts[i]!).split(' ').filter(Boolean);
    w.forEach((x, j) => {
      uni.add(x); n1 += 1;
      if (j > 0) { bi.add(`${w[j - 1]} ${x}`); n2 += 1; }
    });
  }
  return { distinct1: n1 ? round(uni.size / n1) : 1, distinct2: n2 ? round(bi.size / n2) : 1 };
}

/** Diversity per role over all turns of all examples (the final answer counts as an assistant turn). */
export function roleDiversity(records: LintRecord[]): Record<string, RoleDiversity> {
  const byRole = new Map<string, string[]>();
  for (const r of records) {
    for (const m of r.messages) {
      const list = byRole.get(m.role) ?? [];
      byRole.set(m.role, list);
      list.push(messageText(m));
    }
  }
  const out: Record<string, RoleDiversity> = {};
  for (const [role, texts] of byRole) {
    const lens = texts.map(wordCount);
    const mean = lens.reduce((a, b) => a + b, 0) / lens.length;
    const sd = Math.sqrt(lens.reduce((a, b) => a + (b - mean) ** 2, 0) / lens.length);
    out[role] = { turns: texts.length, ...distinctRatios(texts), words: { mean: round(mean), sd: round(sd), min: lens.reduce((x, y) => Math.min(x, y)), max: lens.reduce((x, y) => Math.max(x, y)) } };
  }
  return out;
}
