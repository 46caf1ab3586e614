/**
 * Answers: grounded generation with numbered sources, verified citations and abstention.
 */
import type { ChatUsage } from './chat-model.js';
import type { Hit } from './hit.js';
import type { RetrievalTrace } from './retrieve.js';
import type { Warning } from './embedding-model.js';

/**
 * Where the answer's context comes from:
 * - `retrieve`: the RAG pipeline (default);
 * - `none`: closed-book, the model alone;
 * - `given`: these passages (the oracle "perfect prompt" of an evaluation, or a caller's own context).
 */
export type ContextSource = 'retrieve' | 'none' | { passages: GivenPassage[] };

export interface GivenPassage {
  text: string;
  title?: string;
  documentId?: string;
  chunkId?: string;
  /** Offsets into the document's current text, when known. */
  start?: number;
  end?: number;
}

/** A numbered source shown to the model as `[n]`. */
export interface AnswerSource {
  /** 1-based number used in the prompt and in citations. */
  n: number;
  chunkId?: string;
  documentId?: string;
  title: string;
  source?: string;
  text: string;
  start?: number;
  end?: number;
  pages?: number[];
  /** The retrieval hit, when the source came from retrieval. */
  hit?: Hit;
}

/** A `[n]` marker in the answer, mapped to its source and verified. */
export interface Citation {
  /** The number inside the brackets. */
  n: number;
  /** False when `n` names no source that was provided (the marker is dropped from `text` or marked). */
  valid: boolean;
  chunkId?: string;
  documentId?: string;
  title?: string;
  /** Offsets of the cited source in its document. */
  start?: number;
  end?: number;
  /** The answer sentence carrying the marker, and its offsets in the answer text. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Support of the sentence by the cited source, in [0, 1]. */
  support: number;
  supported: boolean;
  /** How support was measured. */
  verifier: 'lexical' | 'judge';
}

/** An answer sentence that states something without adequate support from any cited source. */
export interface UnsupportedClaim {
  sentence: string;
  start: number;
  end: number;
  /** Best support found among the sources, [0, 1]. */
  support: number;
  /** Whether the sentence carried a citation at all. */
  cited: boolean;
}

export type AbstainReason = 'insufficient-context' | 'model-declined' | 'no-sources';

export interface Answer {
  question: string;
  /** The answer text with `[n]` markers (the abstention text when abstained). */
  text: string;
  abstained: boolean;
  abstainReason?: AbstainReason;
  citations: Citation[];
  unsupportedClaims: UnsupportedClaim[];
  sources: AnswerSource[];
  /** The sufficiency signal the abstention decision used, [0, 1] (1 for given passages). */
  sufficiency: number;
  context: 'retrieve' | 'none' | 'given';
  /** `provider:modelId`, or `extractive`. */
  model: string;
  /** Parsed structured output when a schema was requested. */
  json?: unknown;
  /**
   * The short answer phrase, when the answerer finds one (the extractive answerer: the span of the supporting
   * sentence that answers the question). Evaluation scores exact match and F1 on it; `text` holds the evidence.
   */
  span?: string;
  usage: ChatUsage;
  /** Tokens of the assembled prompt. */
  promptTokens: number;
  /** US dollars from the price table, when the model has a price. */
  costUsd?: number;
  /** Milliseconds per stage: retrieve, generate, verify, total. */
  latencyMs: Record<string, number>;
  trace?: RetrievalTrace;
  /** Audit log entry id, when the answer was logged. */
  logId?: string;
  warnings: Warning[];
}

/** Price of a model, US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** `provider:modelId` (or a bare modelId) → price. */
export type PriceTable = Record<string, ModelPrice>;

/**
 * A prompt variant of a generative answerer (`fathom eval run --prompt prompts.json` compares several). The
 * citation, abstention and source-as-data rules are always kept, so verification and abstention still work.
 */
export interface PromptVariant {
  /** Name shown in the run and the diagnosis (1–64 characters). */
  id: string;
  /** Replaces the opening line of the system prompt ("You answer questions using only the numbered sources…"). @default that line */
  system?: string;
  /** Extra instructions, added to the system prompt after the rules. */
  instructions?: string;
  /** Few-shot examples: each becomes a user question and an assistant answer before the real question. */
  examples?: Array<{ question: string; answer: string }>;
}
