import { FathomError } from '../util/errors.js';

/** One operating point of the abstention curve (abstain when the score is below `threshold`). */
export interface AbstentionPoint {
  threshold: number;
  /** Share of the abstentions that were on unanswerable questions. 1 when nothing is abstained. */
  abstentionPrecision: number;
  /** Share of the unanswerable questions abstained on (no-answer accuracy). */
  abstentionRecall: number;
  /** Share of the answerable questions still answered. */
  answerableRecall: number;
}

/** Options of {@link chooseSufficiencyThreshold}. */
export interface ChooseSufficiencyThresholdOptions {
  /** Scored labelled questions. */
  samples: ReadonlyArray<{ score: number; answerable: boolean }>;
  /** Keep at least this share of answerable questions answered. @default 0.85 */
  minAnswerableRecall?: number;
  /** Require at least this abstention precision. @default 0 */
  minAbstentionPrecision?: number;
}

/**
 * The abstention precision/recall curve over every distinct score, and the chosen point: the highest threshold
 * (most unanswerable questions abstained on) that keeps answerable recall ≥ `minAnswerableRecall` and abstention
 * precision ≥ `minAbstentionPrecision`. Needs answerable and unanswerable samples.
 */
export function chooseSufficiencyThreshold({ samples, minAnswerableRecall = 0.85, minAbstentionPrecision = 0 }: ChooseSufficiencyThresholdOptions): AbstentionPoint & { curve: AbstentionPoint[] } {
  const pos = samples.filter((s) => s.answerable).length;
  const neg = samples.length - pos;
  if (pos === 0 || neg === 0) {
    throw new FathomError({ code: 'INVALID_DATASET', message: `Choosing an abstention threshold needs answerable and unanswerable questions; got ${pos} answerable of ${samples.length}. Add unanswerable items ("answerable": false) to the golden set.` });
  }
  const scores = [...new Set(samples.map((s) => s.score))].sort((a, b) => a - b);
  const thresholds = [0, ...scores.map((s, i) => (i + 1 < scores.length ? (s + scores[i + 1]!) / 2 : s + 1e-9))];
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  const curve: AbstentionPoint[] = [];
  let i = 0;
  let abstainedPos = 0;
  let abstainedNeg = 0;
  for (const threshold of thresholds) {
    for (; i < sorted.length && sorted[i]!.score < threshold; i++) {
      if (sorted[i]!.answerable) abstainedPos++;
      else abstainedNeg++;
    }
    const abstained = abstainedPos + abstainedNeg;
    curve.push({ threshold, abstentionPrecision: abstained === 0 ? 1 : abstainedNeg / abstained, abstentionRecall: abstainedNeg / neg, answerableRecall: (pos - abstainedPos) / pos });
  }
  const ok = curve.filter((p) => p.answerableRecall >= minAnswerableRecall && p.abstentionPrecision >= minAbstentionPrecision);
  const chosen = ok.length ? ok.reduce((a, b) => (b.abstentionRecall > a.abstentionRecall ? b : a)) : curve[0]!;
  return { ...chosen, curve };
}
