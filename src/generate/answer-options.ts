import type { Principal } from '../spec/access.js';
import type { Answer, ContextSource, PriceTable, PromptVariant } from '../spec/answer.js';
import type { ChatCallOptions, ChatModel } from '../spec/chat-model.js';
import type { RetrieveOptions } from '../spec/retrieve.js';
import type { Store } from '../spec/store.js';

/** Options of `answer()` and `streamAnswer()`. */
export interface AnswerOptions {
  /** Needed for `context: 'retrieve'` and for the audit log. */
  store?: Store;
  tenant: string;
  question: string;
  /** The generative model. @default none: the extractive answerer quotes the best sentences */
  model?: ChatModel;
  /** Where the context comes from: the RAG pipeline, nothing (closed-book), or given passages (oracle). @default 'retrieve' */
  context?: ContextSource;
  /**
   * The reader: retrieval (and so every source and citation) sees only documents its access lists allow; it is
   * recorded in the audit entry's metadata as `principal` (its id) and `groups`. Overrides `retrieval.principal`. @default the trusted caller (all)
   */
  principal?: Principal;
  /** Retrieval options (`mode`, `embedder`, `reranker`, `filter`, …). @default { topK: 5 } */
  retrieval?: Partial<Omit<RetrieveOptions, 'store' | 'tenant' | 'query' | 'signal'>>;
  abstention?: {
    /**
     * Abstain when the sufficiency score (`Answer.sufficiency`, the retrieval trace's `sufficiency`, the number
     * `search --explain` shows) is below this — for every answerer, before any model is called; a generative
     * model can still decline on its own. The score's model is `retrieval.sufficiency`.
     * @default DEFAULT_MIN_SUFFICIENCY
     */
    minSufficiency?: number;
    /** @deprecated Same as `minSufficiency`. */
    threshold?: number;
    /** @default DEFAULT_ABSTENTION_TEXT */
    text?: string;
    /**
     * A model answer with no valid citation in RAG or given-passages mode: `warn` keeps it with a
     * `no-valid-citations` warning (its factual sentences are then checked against every source and flagged
     * when unsupported); `abstain` replaces it with the abstention text. @default 'warn'
     */
    onNoCitations?: 'warn' | 'abstain';
  };
  prompt?: {
    /** Cap on the tokens of the sources section. @default what the model's context allows */
    maxContextTokens?: number;
    /** @default 'rank' */
    order?: 'rank' | 'edges';
    /** A prompt variant (system line, extra instructions, few-shot examples); ignored by the extractive answerer. @default none */
    variant?: PromptVariant;
  };
  /** Citation verification; `false` skips it. @default { method: 'lexical' } */
  verify?: false | {
    /** @default 'lexical' */
    method?: 'lexical' | 'judge';
    judge?: ChatModel;
    /** @default 0.6 lexical, 0.75 judge */
    threshold?: number;
    /** Markers naming no provided source: removed from the text, or left in place. Either way `valid: false`. @default 'remove' */
    invalidCitations?: 'remove' | 'mark';
  };
  /** Structured output; the parsed reply is in `Answer.json`. */
  responseFormat?: ChatCallOptions['responseFormat'];
  /** @default 0 */
  temperature?: number;
  /** Reply limit; also the output reserve of the prompt budget. @default 512 */
  maxOutputTokens?: number;
  /** Prices for `costUsd`. */
  prices?: PriceTable;
  /** Append a QueryLogEntry to the store's audit log. @default true (when a store is given) */
  log?: boolean;
  /** Extra fields recorded in the audit log entry's metadata. */
  metadata?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Testing seam: time and ids. */
  _internal?: { now?: () => number; perfNow?: () => number; generateId?: (prefix?: string) => string };
}

/** What `streamAnswer()` yields: text deltas as they arrive, then the final Answer (authoritative: invalid markers removed). */
export type AnswerStreamPart = { type: 'text-delta'; delta: string } | { type: 'answer'; answer: Answer };
