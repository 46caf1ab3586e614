import { PARAPHRASE_THRESHOLD } from '../lint/find-paraphrases.js';
import { mulberry32 } from '../../util/math/random.js';
import type { TuneDataWarning, TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { findLeaks } from '../lint/find-leaks.js';
import { findSimilarExamples } from '../lint/find-similar-examples.js';
import { groupPairs, foldText } from '../lint/near-duplicates.js';
import { pushTo } from '../lint/push-to.js';
import { toRecords } from './to-records.js';

/** Options of {@link splitDataset}. */
export interface SplitDatasetOptions {
  examples: TuneExample[];
  /** @default detected from the first example */
  format?: TuneFormat;
  /** Share of examples for validation, in (0, 1). @default 0.1 */
  validationShare?: number;
  /** Seed of the shuffle: the same seed gives the same split. @default 1 */
  seed?: number;
  /** Stratify by the final answer (`'output'`, for label data) or by a key function. @default no stratification */
  stratifyBy?: 'output' | ((example: TuneExample, index: number) => string);
  /** Evaluation questions: examples whose prompt appears in them are excluded from both sides. */
  evalQuestions?: string[];
  /** Jaccard similarity (whole example, word 3-grams) at which examples are kept on the same side. @default 0.7 */
  nearDuplicateThreshold?: number;
  /** Token similarity of the user turns at which paraphrased prompts are kept on the same side. @default {@link PARAPHRASE_THRESHOLD} */
  paraphraseThreshold?: number;
}

/** A train/validation split; indices are 0-based into `examples`. */
export interface SplitResult {
  train: TuneExample[];
  validation: TuneExample[];
  trainIndices: number[];
  validationIndices: number[];
  /** Examples left out because their prompt leaks into the evaluation set. */
  excluded: Array<{ index: number; evalQuestion: string; similarity: number }>;
  warnings: TuneDataWarning[];
}

/**
 * Seeded, stratified, leakage-free split: examples with the same or a similar input (near duplicates,
 * paraphrased prompts, contradictions; `findSimilarExamples`) move together, so no near copy sits on both sides; examples leaking into the evaluation set are excluded and reported.
 */
export function splitDataset({ examples, format, validationShare = 0.1, seed = 1, stratifyBy, evalQuestions = [], nearDuplicateThreshold = 0.7, paraphraseThreshold = PARAPHRASE_THRESHOLD }: SplitDatasetOptions): SplitResult {
  if (!(validationShare > 0 && validationShare < 1)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `validationShare must be between 0 and 1 (got ${validationShare}); e.g. 0.1 for 10%.` });
  }
  const records = toRecords(examples, format);
  const prompts = records.map((r) => r.messages.filter((m) => m.role === 'user').map((m) => m.content ?? '').join('\n'));
  const excluded = findLeaks({ prompts, evalQuestions }).map((l) => ({ index: l.index, evalQuestion: evalQuestions[l.evalIndex]!, similarity: l.similarity }));
  const out = new Set(excluded.map((e) => e.index));
  const live = records.map((_, i) => i).filter((i) => !out.has(i));
  // Near duplicates and contradictions alike (same or similar input): either way one question on both sides leaks.
  const pairs = findSimilarExamples({ records: live.map((i) => records[i]!), threshold: nearDuplicateThreshold, paraphraseThreshold }).map((p) => [p.a, p.b] as [number, number]);
  const groupOf = groupPairs(live.length, pairs);
  const strata = new Map<string, Map<number, number[]>>();
  live.forEach((i, k) => {
    const g = groupOf[k]!;
    const key = !stratifyBy ? '' : stratifyBy === 'output' ? foldText(records[live[g]!]!.output) : stratifyBy(examples[live[g]!]!, live[g]!);
    const groups = strata.get(key) ?? new Map<number, number[]>();
    strata.set(key, groups);
    pushTo(groups, g, i);
  });
  const random = mulberry32(seed);
  const validation: number[] = [];
  for (const key of [...strata.keys()].sort()) {
    const groups = [...strata.get(key)!.values()];
    for (let i = groups.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [groups[i], groups[j]] = [groups[j]!, groups[i]!];
    }
    const target = Math.round(groups.reduce((n, g) => n + g.length, 0) * validationShare);
    let taken = 0;
    for (const g of groups) {
      if (Math.abs(taken + g.length - target) < Math.abs(taken - target)) {
        validation.push(...g);
        taken += g.length;
      }
    }
  }
  const isVal = new Set(validation);
  const trainIndices = live.filter((i) => !isVal.has(i));
  const validationIndices = live.filter((i) => isVal.has(i));
  const warnings: TuneDataWarning[] = excluded.map((e) => ({ type: 'leakage-excluded', line: e.index + 1, message: `example ${e.index + 1} leaks into the evaluation set ("${e.evalQuestion.slice(0, 60)}"); excluded` }));
  return { train: trainIndices.map((i) => examples[i]!), validation: validationIndices.map((i) => examples[i]!), trainIndices, validationIndices, excluded, warnings };
}
