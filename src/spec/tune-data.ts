/**
 * Fine-tuning data records: the four file formats fathom reads and writes, and the lint report.
 * Field names follow each format's published shape so a record round-trips through JSON unchanged.
 */

/** The on-disk formats of a fine-tuning data file (one JSON object per line). */
export type TuneFormat = 'chat' | 'sharegpt' | 'alpaca' | 'dpo';

/** A tool call made by an assistant turn (OpenAI shape). */
export interface ChatToolCall {
  id?: string;
  type: 'function';
  function: { name: string; /** JSON text of the arguments. */ arguments: string };
}

/** One turn of an OpenAI chat example. `role` is a string so invalid files can be represented and linted. */
export interface TrainingMessage {
  /** `system` | `user` | `assistant` | `tool` in valid data. */
  role: string;
  /** Text of the turn; `null` only on an assistant turn that carries `tool_calls`. */
  content: string | null;
  name?: string;
  tool_calls?: ChatToolCall[];
  /** On a `tool` turn: the id of the call it answers. */
  tool_call_id?: string;
  /** OpenAI's per-turn training weight (0 = do not train on this assistant turn). */
  weight?: 0 | 1;
}

/** OpenAI chat fine-tuning JSONL: `{ messages, tools? }`. */
export interface ChatExample {
  messages: TrainingMessage[];
  /** Tool definitions (JSON Schema functions) available in this conversation. */
  tools?: unknown[];
}

/** One ShareGPT turn. `from`: human | gpt | system, plus LLaMA-Factory's function_call | observation. */
export interface ShareGptTurn {
  from: string;
  value: string;
}

/** ShareGPT JSONL: `{ conversations, system?, tools? }` (`tools` is JSON text, LLaMA-Factory style). */
export interface ShareGptExample {
  conversations: ShareGptTurn[];
  system?: string;
  tools?: string;
}

/** Alpaca JSONL: one instruction and its output; `history` holds earlier [user, assistant] pairs. */
export interface AlpacaExample {
  instruction: string;
  input?: string;
  output: string;
  system?: string;
  /** Earlier turns as [instruction, response] pairs (LLaMA-Factory extension). */
  history?: Array<[string, string]>;
}

/** A DPO preference pair: the prompt (text or turns) and a preferred and a dispreferred answer. */
export interface PreferenceExample {
  prompt: string | TrainingMessage[];
  chosen: string | TrainingMessage | TrainingMessage[];
  rejected: string | TrainingMessage | TrainingMessage[];
}

/** Any fine-tuning record. */
export type TuneExample = ChatExample | ShareGptExample | AlpacaExample | PreferenceExample;

/** One line of a data file: a parsed example or a line-numbered error. Lines are 1-based. */
export type ReadExampleResult =
  | { line: number; format: TuneFormat; example: TuneExample }
  | { line: number; error: string };

/** A non-fatal problem reported as data (e.g. a conversion that drops information). */
export interface TuneDataWarning {
  type: 'lossy-conversion' | 'multi-turn' | 'leakage-excluded' | 'unsupported-setting';
  message: string;
  /** 1-based line or 0-based index of the record concerned, when there is one. */
  line?: number;
}

/** Severity of a lint finding: errors fail CI, warnings fail it only with `--strict`. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One lint finding. */
export interface LintFinding {
  /** The check that produced it, e.g. `role-order`, `near-duplicate`, `leakage`. */
  check: string;
  severity: LintSeverity;
  /** 1-based line numbers of the records concerned (empty for dataset-wide findings). */
  lines: number[];
  message: string;
  /** What to do about it. */
  hint: string;
}

/** Dataset-wide numbers of a lint run. */
export interface LintSummary {
  examples: number;
  format: TuneFormat | 'unknown';
  errors: number;
  warnings: number;
  infos: number;
  /** Findings per check name. */
  byCheck: Record<string, number>;
  /** Tokens per example (whole conversation incl. per-turn overhead), by the tokenizer used. */
  tokens: { tokenizer: string; total: number; mean: number; max: number; p95: number; contextWindow: number };
  /** Per role (system, user, assistant, …): distinct-n ratios (sampled up to 2,000 turns) and length spread in words. */
  diversity?: Record<string, RoleDiversity>;
}

/** Diversity numbers of one role's turns. */
export interface RoleDiversity {
  turns: number;
  /** Distinct unigrams / all unigrams, and the same for bigrams (1 = no repetition). */
  distinct1: number;
  distinct2: number;
  /** Words per turn. */
  words: { mean: number; sd: number; min: number; max: number };
}

/** The result of linting a data file. */
export interface LintReport {
  findings: LintFinding[];
  summary: LintSummary;
}
