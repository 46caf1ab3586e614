import type { ChatHistoryItem } from 'node-llama-cpp';
import type { ChatMessage, FinishReason } from '../../spec/chat-model.js';

/** Maps chat messages to node-llama-cpp history, ending with the empty model turn to generate. */
export function _toHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((m): ChatHistoryItem => {
    if (m.role === 'system') return { type: 'system', text: m.content };
    if (m.role === 'user') return { type: 'user', text: m.content };
    return { type: 'model', response: [m.content] };
  });
  history.push({ type: 'model', response: [] });
  return history;
}

/** node-llama-cpp stop reasons → fathom finish reasons. */
export function _finishReason(stopReason: string): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'eogToken' || stopReason === 'stopGenerationTrigger' || stopReason === 'customStopTrigger') return 'stop';
  return 'other';
}
