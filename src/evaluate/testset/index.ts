/** Synthetic test sets and their review file. */
export { generateTestSet } from './generate-test-set.js';
export type { GenerateTestSetOptions, GenerateTestSetResult } from './generate-test-set.js';
export { renderReviewFile, applyReview } from './review-file.js';
export type { ReviewEntry } from './review-file.js';
