export { acceptGoldenItems, lineageOfLines } from './accept-golden-items.js';
export { buildFeedbackTraining, type BuildFeedbackTrainingOptions, type FeedbackTraining } from './build-feedback-training.js';
export { entriesTouching, lineageOfDocument, type DocumentLineage, type LineageOfDocumentOptions } from './lineage-of-document.js';
export { lineageFile, readLineage, recordLineage, rewriteLineage } from './lineage-registry.js';
export { proposeGoldenFromFeedback, type ProposeGoldenOptions } from './propose-golden-from-feedback.js';
export { reachDerived, type ReachDerivedOptions } from './reach-derived.js';
export { readReviewFile, writeReviewFile } from './review-file.js';
