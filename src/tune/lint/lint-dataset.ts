import { PARAPHRASE_THRESHOLD } from './find-paraphrases.js';
import type { Tokenizer } from '../../spec/tokenizer.js';
import type { LintFinding, LintReport, LintSeverity, TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { detectFormat, parseRecord } from '../formats/parse-record.js';
import { readExamples } from '../formats/read-examples.js';
import type { LintCheck, LintContext } from './_context.js';
import { toLintRecord } from './lint-records.js';
import { checkClassBalance } from './checks/class-balance.js';
import { checkContextWindow } from './checks/context-window.js';
import { checkContradictions } from './checks/contradictions.js';
import { checkDiversity } from './checks/diversity.js';
import { checkDuplicates } from './checks/duplicates.js';
import { checkEmptyTurns } from './checks/empty-turns.js';
import { checkLeakage } from './checks/leakage.js';
import { checkOutputFormat } from './checks/output-format.js';
import { checkRoles } from './checks/roles.js';
import { checkSchema } from './checks/schema.js';
import { checkTargetSchema } from './checks/target-schema.js';
import { checkTruncated } from './checks/truncated.js';
import { findSimilarExamples } from './find-similar-examples.js';
import { LINT_TARGETS } from './lint-targets.js';
import type { LintTarget } from './lint-targets.js';
import { readEvalQuestions } from './read-eval-questions.js';
import type { JsonSchema } from '../../spec/chat-model.js';
import { roleDiversity } from './role-diversity.js';

/** Options of {@link lintDataset}: give `path` (streamed) or `examples`. */
export interface LintDatasetOptions {
  /** JSONL file to lint. */
  path?: string;
  /** In-memory examples instead of a file; line numbers are index + 1. */
  examples?: TuneExample[];
  /** @default detected from the first record */
  format?: TuneFormat;
  /** Tokenizer the context window is measured in. @default createGptTokenizer() (o200k_base) */
  tokenizer?: Tokenizer;
  /** Maximum tokens per example (the training max sequence length). @default 8192 */
  contextWindow?: number;
  /** JSON Schema every final answer must satisfy (answers are parsed as JSON, ```json fences allowed). */
  schema?: JsonSchema;
  /** Regular expression every final answer must match, e.g. /#### -?[\d,.]+$/. */
  outputPattern?: RegExp | string;
  /** Evaluation file (golden JSONL with `question`, or any chat/ShareGPT/Alpaca file) to check leakage against. */
  evalPath?: string;
  /** Evaluation questions, instead of or in addition to `evalPath`. */
  evalQuestions?: string[];
  /** Jaccard similarity (word 3-grams of the whole example) at which two examples are near duplicates. @default 0.7 */
  nearDuplicateThreshold?: number;
  /** Token similarity of the user turns at which two prompts are paraphrases (`findParaphrases`). @default {@link PARAPHRASE_THRESHOLD} */
  paraphraseThreshold?: number;
  /** Check the keys, roles, tool-call shapes and limits this target enforces. @default none (unknown keys are warnings) */
  target?: LintTarget;
  signal?: AbortSignal;
}

const CHECKS: LintCheck[] = [
  checkSchema, checkRoles, checkEmptyTurns, checkTruncated, checkContextWindow, checkTargetSchema, checkDuplicates,
  checkContradictions, checkDiversity, checkOutputFormat, checkClassBalance, checkLeakage,
];
function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch (cause) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Output pattern /${pattern}/ is not a valid regular expression: ${(cause as Error).message}`, cause });
  }
}

const ORDER: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Lint a fine-tuning data file: every finding names its lines, a severity and a fix hint. Reads the file
 * as a stream; keeps one compact record per example for the dataset-wide checks.
 */
export async function lintDataset(options: LintDatasetOptions): Promise<LintReport> {
  const { path, examples, tokenizer = createGptTokenizer(), contextWindow = 8192, schema, outputPattern, evalPath, nearDuplicateThreshold = 0.7, paraphraseThreshold = PARAPHRASE_THRESHOLD, target, signal } = options;
  if (!path && !examples) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'lintDataset needs `path` or `examples`.' });
  if (target !== undefined && !LINT_TARGETS.includes(target)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown lint target "${String(target)}": use one of ${LINT_TARGETS.join(', ')}.` });
  }
  let format = options.format;
  const ctx: LintContext = {
    records: [], readErrors: [], tokenizer, contextWindow, tokens: [], schema,
    outputPattern: typeof outputPattern === 'string' ? compilePattern(outputPattern) : outputPattern,
    evalQuestions: [...(options.evalQuestions ?? []), ...(evalPath ? await readEvalQuestions(evalPath) : [])],
    nearDuplicateThreshold, format: 'unknown', target, similar: [],
  };
  if (path) {
    for await (const r of readExamples({ path, format, signal })) {
      if ('error' in r) ctx.readErrors.push(r);
      else {
        format ??= r.format;
        ctx.records.push(toLintRecord(r.line, r.example, r.format));
      }
    }
  } else {
    examples!.forEach((value, i) => {
      format ??= detectFormat(value);
      const parsed = parseRecord(value, format);
      if ('error' in parsed) ctx.readErrors.push({ line: i + 1, error: parsed.error });
      else ctx.records.push(toLintRecord(i + 1, parsed.example, parsed.format));
    });
  }
  if (ctx.records.length === 0 && ctx.readErrors.length === 0) {
    throw new FathomError({ code: 'FILE_EMPTY', message: `No examples to lint${path ? ` in ${path}` : ''}: the file has no JSONL records.`, details: { path } });
  }
  ctx.format = format ?? 'unknown';
  ctx.similar = findSimilarExamples({ records: ctx.records, threshold: nearDuplicateThreshold, paraphraseThreshold });
  const findings: LintFinding[] = CHECKS.flatMap((check) => check(ctx));
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  const byCheck: Record<string, number> = {};
  for (const f of findings) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  const tokens = [...ctx.tokens].sort((a, b) => a - b);
  const total = tokens.reduce((a, b) => a + b, 0);
  return {
    findings,
    summary: {
      examples: ctx.records.length + ctx.readErrors.length,
      format: format ?? 'unknown',
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      byCheck,
      tokens: {
        tokenizer: tokenizer.id, total, contextWindow,
        mean: tokens.length ? Math.round(total / tokens.length) : 0,
        max: tokens.at(-1) ?? 0,
        p95: tokens.length ? tokens[Math.min(tokens.length - 1, Math.floor(tokens.length * 0.95))]! : 0,
      },
      diversity: roleDiversity(ctx.records),
    },
  };
}
