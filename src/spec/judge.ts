/**
 * Judge contract: a model that grades one answer against a rubric and returns a structured verdict
 * (JSON Schema output, never a parsed yes/no string). Built by `createJudge` in evaluate.
 */
import type { JudgeVerdict } from './evaluation.js';

/** What a judge sees. Which fields a rubric uses depends on its criterion. */
export interface JudgeInput {
  question: string;
  answer: string;
  /** Acceptable reference answers (correctness). */
  references?: string[];
  /** Texts the answer should be grounded in (faithfulness). */
  passages?: string[];
  signal?: AbortSignal;
}

export interface Judge {
  readonly specificationVersion: 'v1';
  /** `provider:modelId` of the judging model. */
  readonly model: string;
  /** Rubric id and version, e.g. `correctness@1`: changes when the prompt changes. */
  readonly promptId: string;
  /** What the score measures: `correctness`, `faithfulness`, `relevance`, or a custom criterion. */
  readonly criterion: string;
  /** Calls the judging model `runs` times; reports mean score, modal label and agreement. */
  doJudge(input: JudgeInput): Promise<JudgeVerdict>;
}
