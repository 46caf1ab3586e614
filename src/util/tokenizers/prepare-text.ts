import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';

/**
 * Tokenizes `text` once for many range counts, through the tokenizer's own fast path when it has one
 * (`Tokenizer.prepare`), else by counting each slice.
 */
export function prepareText(tokenizer: Tokenizer, text: string): PreparedText {
  if (tokenizer.prepare) return tokenizer.prepare(text);
  return { text, count: (start, end) => (start >= end ? 0 : tokenizer.count(text.slice(start, end))) };
}
