/**
 * Default abstention thresholds.
 * - With a model, the retrieval sufficiency signal gates the call leniently: the model can still decline,
 *   and a wrongly skipped call loses an answer outright.
 * - In extractive mode the threshold applies to the extractive confidence (DEFAULT_CONFIDENCE_MODEL, fitted
 *   on SQuAD 2.0). SQuAD's unanswerable questions are adversarial (written against the very paragraph that
 *   is retrieved), so its operating point for no-answer accuracy >= 0.65 on the training half, 0.51, is
 *   stricter than ordinary knowledge-base questions need; the library default is 0.4 (both are measured in
 *   bench/results/squad-extractive.json). Pass `abstention.threshold` to choose another point.
 */
export const DEFAULT_SUFFICIENCY_THRESHOLD = 0.3;
export const DEFAULT_EXTRACTIVE_THRESHOLD = 0.4;
