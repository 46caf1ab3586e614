/**
 * The chat-model conformance suite: every `ChatModel` provider must pass it. It registers node:test cases.
 *
 * @example
 * runChatModelConformance({ name: 'openai-compatible', create: async () => ({ model, close }) });
 */
import { describe } from 'node:test';
import { chatContractCases, type ChatModelFixture } from './providers/chat-contract-cases.js';

export type { ChatModelFixture };

/** Options of {@link runChatModelConformance}. */
export interface ChatModelConformanceOptions {
  /** Name of the provider, shown in test output. */
  name: string;
  /** A model that answers normally; called once per case. */
  create: () => Promise<ChatModelFixture>;
  /**
   * Optional (remote providers): a model whose server accepts the request and then sends nothing, configured
   * with a short idle timeout; the suite expects `PROVIDER_TIMEOUT` from both calls.
   */
  createSilent?: () => Promise<ChatModelFixture>;
  /** A reason to skip the whole suite (e.g. an optional runtime is not installed). */
  skip?: string | false;
}

/** Register the conformance cases for one chat model provider. */
export function runChatModelConformance({ name, create, createSilent, skip = false }: ChatModelConformanceOptions): void {
  describe(`ChatModel conformance: ${name}`, { skip }, () => chatContractCases(create, createSilent));
}
