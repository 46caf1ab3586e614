import type { AnswerSource } from '../../spec/answer.js';
import type { EvalItemResult, EvalMode, GoldenItem } from '../../spec/evaluation.js';
import type { TrainingMessage } from '../../spec/tune-data.js';
import { assemblePrompt } from '../../generate/index.js';

/**
 * The sources an item's prompt shows in a mode: the sources the evaluated answer actually saw, else the
 * item's `context` passages (oracle / rag); none closed-book.
 */
export function _sourcesFor(item: GoldenItem, mode: EvalMode, result?: EvalItemResult): AnswerSource[] {
  if (mode === 'closed-book') return [];
  if (result?.answer.sources.length) return result.answer.sources.map((s) => ({ n: s.n, title: s.title, text: s.text, ...(s.documentId ? { documentId: s.documentId } : {}), ...(s.chunkId ? { chunkId: s.chunkId } : {}) }));
  return _passages(item);
}

/** An item's `context` passages as numbered sources. */
export function _passages(item: GoldenItem): AnswerSource[] {
  return (item.context ?? []).map((text, i) => ({ n: i + 1, title: `${item.id} context ${i + 1}`, text }));
}

/**
 * The system + user messages of an answer, built by the same `assemblePrompt` the answering pipeline uses,
 * so a model trained on them sees at training time exactly the prompt shape it meets in production.
 */
export function _promptFor(question: string, sources: readonly AnswerSource[], closedBook: boolean, abstentionText: string): { messages: TrainingMessage[]; sources: AnswerSource[] } {
  const p = assemblePrompt({ question, sources, closedBook, abstentionText });
  return { messages: p.messages.map((m) => ({ role: m.role, content: m.content })), sources: p.sources };
}
