/** Comparing runs: paired bootstrap, gates. */
export { compareRuns } from './compare-runs.js';
export type { CompareRunsOptions, GateResult } from './compare-runs.js';
export { pairedBootstrap } from './paired-bootstrap.js';
export type { PairedBootstrapOptions } from './paired-bootstrap.js';
export { parseGate } from './parse-gate.js';
export type { Gate } from './parse-gate.js';
