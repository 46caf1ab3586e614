/** Lint of a fine-tuning dataset (findings, leaks, near duplicates, paraphrases). */
export { lintDataset } from './lint-dataset.js';
export type { LintDatasetOptions } from './lint-dataset.js';
export { readEvalQuestions } from './read-eval-questions.js';
export { findLeaks } from './find-leaks.js';
export type { FindLeaksOptions, Leak } from './find-leaks.js';
export { LINT_TARGETS, TARGET_PROFILES } from './lint-targets.js';
export type { LintTarget, TargetProfile } from './lint-targets.js';
export { findSimilarExamples } from './find-similar-examples.js';
export type { FindSimilarExamplesOptions, SimilarPair } from './find-similar-examples.js';
export { findParaphrases } from './find-paraphrases.js';
export type { FindParaphrasesOptions } from './find-paraphrases.js';
