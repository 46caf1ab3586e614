/** Leak-free train/eval split and dedupe. */
export { splitDataset } from './split-dataset.js';
export type { SplitDatasetOptions, SplitResult } from './split-dataset.js';
export { dedupeDataset } from './dedupe-dataset.js';
export type { DedupeDatasetOptions, DedupeResult } from './dedupe-dataset.js';
