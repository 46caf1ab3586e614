import { PARAPHRASE_THRESHOLD } from '../lint/find-paraphrases.js';
import type { TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { findSimilarExamples } from '../lint/find-similar-examples.js';
import { toRecords } from './to-records.js';

/** Options of {@link dedupeDataset}. */
export interface DedupeDatasetOptions {
  examples: TuneExample[];
  /** @default detected from the first example */
  format?: TuneFormat;
  /** Also drop near duplicates (similar conversation and similar answer). @default true */
  near?: boolean;
  /** Jaccard similarity (whole example, word 3-grams) for near duplicates. @default 0.7 */
  threshold?: number;
  /** Token similarity of the user turns for paraphrased prompts. @default {@link PARAPHRASE_THRESHOLD} */
  paraphraseThreshold?: number;
}

/** The result of {@link dedupeDataset}: kept examples in order, and what was dropped in favour of what (0-based indices). */
export interface DedupeResult {
  kept: TuneExample[];
  keptIndices: number[];
  removed: Array<{ index: number; duplicateOf: number; kind: 'exact' | 'near' }>;
}

/**
 * Drop exact and near duplicates (similar example, or paraphrased prompt, with an agreeing answer;
 * `findSimilarExamples`), keeping the first occurrence. Near pairs whose answers disagree are
 * contradictions, not duplicates, and are kept (lint reports them).
 */
export function dedupeDataset({ examples, format, near = true, threshold = 0.7, paraphraseThreshold = PARAPHRASE_THRESHOLD }: DedupeDatasetOptions): DedupeResult {
  const records = toRecords(examples, format);
  const removed: DedupeResult['removed'] = [];
  const firstOf = new Map<string, number>();
  const dropped = new Set<number>();
  records.forEach((r, i) => {
    const key = `${r.input.replace(/\s+/g, ' ').trim()}\u0000${r.output.replace(/\s+/g, ' ').trim()}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else {
      removed.push({ index: i, duplicateOf: first, kind: 'exact' });
      dropped.add(i);
    }
  });
  if (near) {
    const live = records.map((_, i) => i).filter((i) => !dropped.has(i));
    for (const p of findSimilarExamples({ records: live.map((i) => records[i]!), threshold, paraphraseThreshold })) {
      const [a, b] = [live[p.a]!, live[p.b]!];
      if (!p.sameAnswer || dropped.has(a) || dropped.has(b)) continue;
      removed.push({ index: b, duplicateOf: a, kind: 'near' });
      dropped.add(b);
    }
  }
  const keptIndices = examples.map((_, i) => i).filter((i) => !dropped.has(i));
  return { kept: keptIndices.map((i) => examples[i]!), keptIndices, removed: removed.sort((x, y) => x.index - y.index) };
}
