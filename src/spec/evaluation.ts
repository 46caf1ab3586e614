/**
 * Evaluation: golden sets, runs in three modes, per-item results, comparisons, and the diagnosis that
 * turns them into a RAG-vs-fine-tuning decision. Stages hand off through these records (stored as JSON
 * artifacts with a manifest), never through each other's internals.
 */
import type { Answer, PromptVariant } from './answer.js';
import type { QueryLogRedaction } from './audit.js';
import type { JsonSchema } from './chat-model.js';

/** A rule an answer must follow (constraint adherence). */
export type Constraint =
  | { type: 'regex'; pattern: string; flags?: string; description?: string }
  | { type: 'max-length'; chars?: number; words?: number }
  | { type: 'required-fields'; fields: string[] }
  | { type: 'forbidden-phrases'; phrases: string[]; caseSensitive?: boolean }
  | { type: 'must-cite' }
  | { type: 'predicate'; name: string; description?: string };

/** An expected source: a document, a chunk, or a character span of a document. */
export type ExpectedSource = { documentId: string } | { chunkId: string } | { documentId: string; start: number; end: number };

/** One line of a golden set (JSONL). The JSON Schema ships as `schemas/golden-item.schema.json`. */
export interface GoldenItem {
  id: string;
  question: string;
  /** Acceptable answers; any match counts. Empty for unanswerable items. */
  answers: string[];
  sources: ExpectedSource[];
  /** False when the corpus cannot answer it: the right output is an abstention. @default true */
  answerable: boolean;
  /** The answer must be JSON valid against this schema. */
  outputSchema?: JsonSchema;
  constraints?: Constraint[];
  tags?: string[];
  /** Passages for the oracle mode when sources cannot be resolved from the store. */
  context?: string[];
  metadata?: Record<string, unknown>;
}

export type EvalMode = 'closed-book' | 'rag' | 'oracle';

/** A judge verdict: structured, never a parsed yes/no string. */
export interface JudgeVerdict {
  /** The judged quantity in [0, 1] (correctness, faithfulness, relevance…). */
  score: number;
  label: string;
  reasoning?: string;
  /** Provenance. */
  judge: { model: string; promptId: string; runs: number; agreement?: number; usage?: { inputTokens: number; outputTokens: number } };
}

/** Metric values of one item in one mode. Undefined = not applicable (e.g. citation metrics closed-book). */
export type MetricValues = Record<string, number | undefined>;

/** One item evaluated in one mode. */
export interface EvalItemResult {
  itemId: string;
  mode: EvalMode;
  answer: Answer;
  /**
   * Ids of retrieved documents and chunks in rank order (rag mode). May be deeper than the prompt's sources
   * (the candidate list); `start`/`end` are the chunk's character offsets in its document, when known.
   */
  retrieved?: Array<{ documentId: string; chunkId: string; score: number; start?: number; end?: number }>;
  metrics: MetricValues;
  /** Whether the item counts as correct in this mode (the diagnosis uses it). */
  correct: boolean;
  verdicts?: Record<string, JudgeVerdict>;
  error?: { code: string; message: string };
  /** Set when a deleted document's text was removed from this result (question, answer, sources, reasoning). */
  redacted?: QueryLogRedaction;
}

/** A complete evaluation run: the artifact that comparisons, diagnosis and reports read. */
export interface EvalRun {
  id: string;
  createdAt: number;
  /** Golden set path and hash. */
  dataset: { path: string; sha256: string; items: number };
  modes: EvalMode[];
  /** Resolved configuration (models, retrieval, prompt, thresholds) and its hash. */
  config: Record<string, unknown>;
  configHash: string;
  versions: Record<string, string>;
  results: EvalItemResult[];
  /**
   * The golden items the run evaluated (answerable flag, expected sources, tags): the diagnosis needs them
   * to tell a retrieval miss from a grounding failure and an abstention from a hallucination.
   */
  items?: GoldenItem[];
  /** What produced the answers: `provider:modelId` of the generative model, or `extractive`. */
  answerer?: string;
  /** Modes left out on purpose, with the reason (closed-book with the extractive answerer: it knows nothing of its own). */
  notMeasured?: Partial<Record<EvalMode, string>>;
  /** Mean of each metric per mode. */
  summary: Record<EvalMode, Record<string, number>>;
  /** Prompt variants evaluated side by side (`--prompt prompts.json`); `results` and `summary` are the baseline's. */
  prompts?: PromptComparison;
}

/** Prompt variants of one run, each compared with the baseline (the first) on the same items. */
export interface PromptComparison {
  /** Id of the first variant: the run's `results` and `summary` are its. */
  baseline: string;
  /** The mode whose per-item `correct` is compared (rag when it ran). */
  mode: EvalMode;
  variants: Array<{
    id: string;
    /** SHA-256 of the variant's canonical JSON: the prompt's version. */
    sha256: string;
    variant: PromptVariant;
    summary: Record<EvalMode, Record<string, number>>;
    /** Share of items correct in `mode`. */
    correct: number;
    /** Items paired with the baseline. */
    n: number;
    /** correct − baseline correct, with the paired bootstrap 95% interval (0 and [0, 0] for the baseline). */
    delta: number;
    ci95: [number, number];
  }>;
  /** The variant with the highest share correct (the baseline on ties). */
  best: string;
  /** Per-item results of the variants other than the baseline, by id. */
  results: Record<string, EvalItemResult[]>;
}

/** Per-metric difference between two runs, with a paired bootstrap confidence interval. */
export interface MetricDelta {
  metric: string;
  mode: EvalMode;
  a: number;
  b: number;
  delta: number;
  ci95: [number, number];
  /** Items both runs scored. */
  n: number;
}

export interface RunComparison {
  a: string;
  b: string;
  deltas: MetricDelta[];
  items: Array<{ itemId: string; mode: EvalMode; a: MetricValues; b: MetricValues; changed: string[] }>;
  /** Gate expressions that failed (`faithfulness < -0.02`), empty when the gate passes. */
  failedGates: string[];
}

/** Why an item failed, from its three runs and its retrieval trace. */
export type FailureClass =
  | 'knowledge-gap-closed-by-rag'
  | 'retrieval-miss'
  | 'grounding-failure'
  | 'behaviour-gap'
  | 'format-failure'
  | 'constraint-failure'
  | 'over-abstention'
  | 'hallucination-on-unanswerable'
  /** Some, not all, of a multi-source item's expected sources reached the context. */
  | 'partial-retrieval'
  /** The expected answer is not in the stored text of the expected document: the loader lost it. */
  | 'ingestion-loss'
  /** Wrong even with the oracle prompt, and the answerer is extractive: no prompt or weights to change. */
  | 'answerer-limit'
  | 'passing';

/** A retrieval fix a retrieval miss points to (see `diagnose` for the rules). */
export type RetrievalFix = 'chunking' | 'hybrid-search' | 'reranking' | 'contextual-retrieval' | 'parent-child';

export interface ItemDiagnosis {
  itemId: string;
  classes: FailureClass[];
  evidence: string;
  /** For retrieval misses: the fix its trace points to. */
  retrievalFix?: RetrievalFix;
}

/** `generative-model`: the extractive answerer is the limit; configure a generative model before anything else. */
export type Recommendation = 'better-prompt' | 'rag' | 'retrieval-fix' | 'fine-tuning' | 'hybrid' | 'generative-model' | 'none';

export interface Diagnosis {
  runId: string;
  /** The answerer of the run (`extractive` or `provider:modelId`), when the run recorded it. */
  answerer?: string;
  items: ItemDiagnosis[];
  /** Count and share (with a 95% interval) of each class. */
  classes: Record<FailureClass, { count: number; share: number; ci95: [number, number] }>;
  recommendation: {
    primary: Recommendation;
    /** Concrete actions: which retrieval fix, fine-tune on which items for which behaviour… */
    actions: Array<{ kind: Recommendation | 'chunking' | 'hybrid-search' | 'reranking' | 'contextual-retrieval' | 'parent-child'; why: string; itemIds?: string[] }>;
    evidence: string[];
    /** Plain-language statement of how sure this is (sample size, intervals). */
    uncertainty: string;
  };
}
