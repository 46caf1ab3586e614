export * from './metrics/retrieval/index.js';
export { parseQrels, parseRun, readQrels, readRun } from './qrels.js';
export type { ParseQrelsOptions } from './qrels.js';
export { evaluateBeir } from './beir/evaluate-beir.js';
export type { BeirResult, EvaluateBeirOptions } from './beir/evaluate-beir.js';
export * from './run-index.js';
