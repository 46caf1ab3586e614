import type { Answer, ContextSource } from '../../spec/answer.js';
import type { JsonSchema } from '../../spec/chat-model.js';
import type { EvalMode, EvalRun, GoldenItem, RunComparison } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';

/** Answers a question from a context source (the shape of evaluate's `EvalPipeline`). */
export interface GatePipeline {
  answer(options: { question: string; context: ContextSource; responseFormat?: { type: 'json'; schema?: JsonSchema; name?: string }; signal?: AbortSignal }): Promise<Answer>;
}

/**
 * The evaluation functions the gate runs — `evaluate` and `compareRuns` of the evaluate feature. Injected so
 * the gate depends on their contract only; by default they are taken from `evaluate/index.ts`.
 */
export interface GateEvaluation {
  evaluate(options: { items: readonly GoldenItem[]; pipeline: GatePipeline; modes: readonly EvalMode[]; concurrency?: number; config?: Record<string, unknown>; signal?: AbortSignal }): Promise<EvalRun>;
  compareRuns(options: { a: EvalRun; b: EvalRun; metrics?: readonly string[]; bootstrap?: { samples?: number; seed?: number } }): RunComparison;
}

/** evaluate/index.ts's `evaluate` and `compareRuns`, loaded on first use. */
export async function _defaultEvaluation(): Promise<GateEvaluation> {
  const mod = (await import('../../evaluate/index.js')) as unknown as Partial<GateEvaluation>;
  if (typeof mod.evaluate !== 'function' || typeof mod.compareRuns !== 'function') {
    throw new FathomError({ code: 'INTERNAL', message: "evaluate/index.ts does not export 'evaluate' and 'compareRuns'; pass them as the 'evaluation' option of gateTunedModel." });
  }
  return { evaluate: mod.evaluate.bind(mod), compareRuns: mod.compareRuns.bind(mod) };
}
