import type { Tokenizer } from '../../spec/tokenizer.js';
import type { LintFinding, TuneFormat } from '../../spec/tune-data.js';
import type { JsonSchema } from '../../spec/chat-model.js';
import type { SimilarPair } from './find-similar-examples.js';
import type { LintTarget } from './lint-targets.js';
import type { LintRecord } from './lint-records.js';

/** What every check gets: the records and the resolved options. */
export interface LintContext {
  records: LintRecord[];
  /** Reader errors (invalid JSON, wrong shape) by line. */
  readErrors: Array<{ line: number; error: string }>;
  tokenizer: Tokenizer;
  contextWindow: number;
  /** Token count per record, filled by the token check. */
  tokens: number[];
  schema?: JsonSchema;
  outputPattern?: RegExp;
  evalQuestions: string[];
  nearDuplicateThreshold: number;
  /** Format of the file ('unknown' when no record parsed). */
  format: TuneFormat | 'unknown';
  /** Training target whose schema rules apply; undefined: unknown keys are warnings. */
  target?: LintTarget;
  /** Pairs of examples with the same or a similar input, from `findSimilarExamples`. */
  similar: SimilarPair[];
}

/** A lint check: a pure function of the context. */
export type LintCheck = (ctx: LintContext) => LintFinding[];
