/** Training sets from evaluation evidence: SFT corrections, RAG-aware examples, DPO pairs. */
export { buildSftExamples, type BuildSftExamplesOptions } from './build-sft-examples.js';
export { buildRagExamples, type BuildRagExamplesOptions } from './build-rag-examples.js';
export { buildDpoPairs, type BuildDpoPairsOptions } from './build-dpo-pairs.js';
export { buildTrainingSet, writeTrainingSet, type BuildTrainingSetOptions, type TrainingSetManifest } from './build-training-set.js';
export type { EvidenceExamples, EvidenceReason, SkippedItem, TargetSource, TrainingSetEntry, TrainingSetKind } from './training-set-types.js';
