/**
 * Chat model contract (versioned plain type). Providers: local GGUF through node-llama-cpp (the embedded
 * default), any OpenAI-compatible chat-completions endpoint, Anthropic Messages. The library adds retries
 * and streaming helpers around `doGenerate` / `doStream`.
 */
import type { Warning } from './embedding-model.js';

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A JSON Schema (draft 2020-12 subset) for structured output. */
export type JsonSchema = Record<string, unknown>;

export interface ChatCallOptions {
  messages: ChatMessage[];
  /** Upper bound on generated tokens. */
  maxOutputTokens?: number;
  /** @default provider default; 0 for deterministic evaluation runs */
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
  seed?: number;
  /** Structured output: the reply must be JSON valid against this schema (grammar-constrained where supported). */
  responseFormat?: { type: 'json'; schema?: JsonSchema; name?: string };
  abortSignal?: AbortSignal;
  /** Extra HTTP headers for remote providers. */
  headers?: Record<string, string>;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'error' | 'other';

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ChatResult {
  text: string;
  finishReason: FinishReason;
  usage: ChatUsage;
  /** The provider's model id as it answered (may differ from the requested one). */
  responseModelId?: string;
  warnings?: Warning[];
}

export type ChatStreamPart =
  | { type: 'text-delta'; delta: string }
  | { type: 'finish'; finishReason: FinishReason; usage: ChatUsage }
  | { type: 'error'; error: unknown };

export interface ChatModel {
  readonly specificationVersion: 'v1';
  /** `llama-cpp`, `openai-compatible`, `anthropic`, … */
  readonly provider: string;
  readonly modelId: string;
  /** Context window in tokens (prompt + output). */
  readonly contextWindow: number;
  readonly supportsStreaming: boolean;
  /** Whether `responseFormat.schema` is enforced (grammar / native structured output) rather than only requested. */
  readonly supportsStructuredOutput: boolean;
  /** Whether several calls may run at once. */
  readonly supportsParallelCalls: boolean;
  /** Count tokens of a text as the model would, when the provider can (local models). */
  countTokens?(text: string): number;
  doGenerate(options: ChatCallOptions): Promise<ChatResult>;
  doStream(options: ChatCallOptions): AsyncIterable<ChatStreamPart>;
}
