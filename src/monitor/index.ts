export { addFeedback, maxFeedbackText, type AddFeedbackOptions } from './add-feedback.js';
export { checkDrift, type CheckDriftOptions, type FreshnessRule } from './check-drift.js';
export { checkDriftSeries, type CheckDriftSeriesOptions } from './check-drift-series.js';
export { defaultDriftThresholds, driftAdvice, type DriftThresholds } from './drift-thresholds.js';
export { postDriftAlert, type PostDriftAlertOptions } from './post-drift-alert.js';
export { pipelineOf, sampleEntry, stratumOf, type SamplerOptions } from './sample-entry.js';
export { scoreEntry } from './score-entry.js';
export { onlineScorer, scoreCursorKey, scoreOnline, type ScoreOnlineOptions, type ScoreOnlineResult } from './score-online.js';
export { findQueryLogEntry } from './find-query-log-entry.js';
