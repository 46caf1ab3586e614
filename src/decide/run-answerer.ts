import type { EvalRun } from '../spec/evaluation.js';

/** The run's answerer: recorded (`run.answerer`, or `config.answerer` of older runs), else what every answer names. */
export function runAnswerer(run: EvalRun): string | undefined {
  if (run.answerer) return run.answerer;
  if (typeof run.config?.answerer === 'string') return run.config.answerer;
  const models = new Set(run.results.filter((r) => !r.error && r.answer.model).map((r) => r.answer.model));
  return models.size === 1 ? [...models][0] : undefined;
}
