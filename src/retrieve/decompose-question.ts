import type { ChatModel } from '../spec/chat-model.js';
import type { Hit } from '../spec/hit.js';

export interface DecomposeQuestionOptions {
  model: ChatModel;
  question: string;
  /** The first hop's hits, best first. */
  hits: readonly Hit[];
  /** Passages shown to the model. @default 3 */
  passages?: number;
  abortSignal?: AbortSignal;
}

const _SYSTEM = 'You plan the second step of a two-step document search. Given a question and the passages the first search found, '
  + 'reply with ONE short search query (a single line, no explanation) for the missing fact the question needs, naming the entity the passages point to. '
  + 'Reply NONE when the passages already answer the question.';

/**
 * Asks a generative model for the second hop's query: the question decomposed, given the first hop's
 * passages. Returns undefined when the model replies NONE or nothing.
 */
export async function decomposeQuestion({ model, question, hits, passages = 3, abortSignal }: DecomposeQuestionOptions): Promise<string | undefined> {
  const context = hits.slice(0, passages).map((h, i) => `[${i + 1}] ${h.document.title}\n${h.chunk.text.slice(0, 1500)}`).join('\n\n');
  const result = await model.doGenerate({
    messages: [{ role: 'system', content: _SYSTEM }, { role: 'user', content: `Question: ${question}\n\nPassages:\n${context || '(none)'}` }],
    temperature: 0,
    maxOutputTokens: 64,
    ...(abortSignal ? { abortSignal } : {}),
  });
  const line = result.text.split('\n').map((l) => l.trim()).find(Boolean)?.replace(/^(query|search)\s*:\s*/i, '').replace(/^["']|["']$/g, '');
  return line && !/^none\.?$/i.test(line) ? line : undefined;
}
