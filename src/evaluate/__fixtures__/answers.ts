/** Test helper: an Answer with defaults (chat-model doubles come from `fathom/testing`'s createMockChatModel). */
import type { Answer } from '../../spec/answer.js';

/** An Answer with defaults for every field. */
export function fakeAnswer(partial: Partial<Answer> = {}): Answer {
  return {
    question: 'q',
    text: '',
    abstained: false,
    citations: [],
    unsupportedClaims: [],
    sources: [],
    sufficiency: 1,
    context: 'none',
    model: 'fake:model',
    usage: { inputTokens: 10, outputTokens: 5 },
    promptTokens: 10,
    latencyMs: { total: 1 },
    warnings: [],
    ...partial,
  };
}
