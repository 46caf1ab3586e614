import type { SufficiencyFeatures, SufficiencyModel } from '../spec/retrieve.js';
import { calibrateSufficiency } from './calibrate-sufficiency.js';
import { chooseSufficiencyThreshold, type AbstentionPoint } from './choose-sufficiency-threshold.js';
import { computeSufficiency } from './compute-sufficiency.js';
import { DEFAULT_SUFFICIENCY_MODEL } from './sufficiency-model.js';

/** Options of {@link fitSufficiency}. */
export interface FitSufficiencyOptions {
  /** The features of each labelled question's retrieval and whether the documents answer it. */
  samples: ReadonlyArray<{ features: SufficiencyFeatures; answerable: boolean }>;
  /** `weights`: refit the model, then the threshold; `threshold`: keep `model`, fit the threshold only. @default 'weights' with ≥ 50 samples, else 'threshold' */
  fit?: 'weights' | 'threshold';
  /** The model kept when only the threshold is fitted. @default DEFAULT_SUFFICIENCY_MODEL */
  model?: SufficiencyModel;
  /** @default 0.85 */
  minAnswerableRecall?: number;
  /** @default 0 */
  minAbstentionPrecision?: number;
  /** L2 penalty when refitting weights (few samples need more). @default 0.01 */
  l2?: number;
}

/** Result of {@link fitSufficiency}: the model, the chosen operating point, and the curve it was chosen from. */
export interface FittedSufficiency {
  model: SufficiencyModel;
  fitted: 'weights' | 'threshold';
  chosen: AbstentionPoint;
  curve: AbstentionPoint[];
  samples: { total: number; answerable: number };
}

/**
 * Calibrates abstention on the user's own labelled questions: refits the sufficiency model's weights (logistic
 * regression, `calibrateSufficiency`) when there are enough samples, then chooses the threshold on the
 * abstention precision/recall curve (`chooseSufficiencyThreshold`). Deterministic.
 */
export function fitSufficiency({ samples, fit, model = DEFAULT_SUFFICIENCY_MODEL, minAnswerableRecall = 0.85, minAbstentionPrecision = 0, l2 = 0.01 }: FitSufficiencyOptions): FittedSufficiency {
  const mode = fit ?? (samples.length >= 50 ? 'weights' : 'threshold');
  const answerable = samples.filter((s) => s.answerable).length;
  const fitted = mode === 'weights' ? calibrateSufficiency({ samples, l2, source: `calibrated on ${samples.length} questions (${answerable} answerable) by fathom calibrate` }) : model;
  const scored = samples.map((s) => ({ score: computeSufficiency({ hits: [], query: '', features: s.features, model: fitted }), answerable: s.answerable }));
  const { curve, ...chosen } = chooseSufficiencyThreshold({ samples: scored, minAnswerableRecall, minAbstentionPrecision });
  return { model: fitted, fitted: mode, chosen, curve, samples: { total: samples.length, answerable } };
}
