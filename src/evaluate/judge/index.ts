/** LLM judges and their rubrics. */
export { createJudge } from './create-judge.js';
export type { CreateJudgeOptions } from './create-judge.js';
export { rubrics, correctnessRubric, faithfulnessRubric, relevanceRubric } from './rubrics.js';
export type { Rubric } from './rubrics.js';
