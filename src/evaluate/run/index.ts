/** `evaluate()`: one evaluation run of a pipeline over a golden set, and its summary. */
export { evaluate } from './evaluate.js';
export type { EvalPipeline, EvalProgress, EvaluateOptions } from './evaluate.js';
export type { EvalJudges } from './evaluate.js';
export { formatRunSummary, formatComparison } from './format-run-summary.js';
