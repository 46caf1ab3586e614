/**
 * Default abstention thresholds.
 * - With a model, the retrieval sufficiency signal gates the call leniently: the model can still decline,
 *   and a wrongly skipped call loses an answer outright.
 * - In extractive mode the extractive confidence is a calibrated probability (fitted on SQuAD 2.0 dev),
 *   its threshold is the lowest reaching no-answer accuracy ≥ 0.65 on the training half (bench/results/squad-extractive.json).
 */
export const DEFAULT_SUFFICIENCY_THRESHOLD = 0.3;
export const DEFAULT_EXTRACTIVE_THRESHOLD = 0.51;
