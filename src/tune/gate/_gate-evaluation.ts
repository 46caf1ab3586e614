import { compareRuns, evaluate } from '../../evaluate/index.js';
import type { EvalPipeline } from '../../evaluate/index.js';

/** The answering pipeline the gate evaluates: evaluate's own `EvalPipeline`. */
export type GatePipeline = EvalPipeline;

/**
 * The evaluation functions the gate runs — `evaluate` and `compareRuns` of the evaluate feature, imported
 * statically through its index. Injectable (tests may record calls).
 */
export interface GateEvaluation {
  evaluate: typeof evaluate;
  compareRuns: typeof compareRuns;
}

/** evaluate/index.ts's `evaluate` and `compareRuns`. */
export function _defaultEvaluation(): GateEvaluation {
  return { evaluate, compareRuns };
}
