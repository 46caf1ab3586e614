import type { ChatMessage, JsonSchema } from '../../spec/chat-model.js';

export const qaSchema: JsonSchema = {
  type: 'object',
  properties: { question: { type: 'string' }, answer: { type: 'string' } },
  required: ['question', 'answer'],
  additionalProperties: false,
};
export const questionSchema: JsonSchema = { type: 'object', properties: { question: { type: 'string' } }, required: ['question'], additionalProperties: false };

const system = 'You write evaluation questions for a question-answering system over a company\'s documents. Questions must be self-contained (no "this passage", "the text"), specific, and natural, like a user would ask.';

/** A question answered by one passage, with a short answer copied or paraphrased from it. */
export function singlePrompt(passage: string): ChatMessage[] {
  return [{ role: 'system', content: system }, { role: 'user', content: `PASSAGE:\n${passage}\n\nWrite one question this passage answers and its short answer (a phrase, taken from the passage). Reply with JSON {"question", "answer"}.` }];
}

/** A question on the passage's topic that neither it nor, probably, the rest of the documents answer. */
export function unanswerablePrompt(passage: string): ChatMessage[] {
  return [{ role: 'system', content: system }, { role: 'user', content: `PASSAGE:\n${passage}\n\nWrite one question on the same topic that sounds answerable but that this passage does NOT answer (a detail it never states, e.g. a number, name or date it does not give). Reply with JSON {"question"}.` }];
}

/** A question that needs both passages. */
export function multiPrompt(a: string, b: string): ChatMessage[] {
  return [{ role: 'system', content: system }, { role: 'user', content: `PASSAGE 1:\n${a}\n\nPASSAGE 2:\n${b}\n\nWrite one question whose answer needs a fact from EACH passage, and its short answer. Reply with JSON {"question", "answer"}.` }];
}
