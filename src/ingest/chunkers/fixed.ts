import type { Chunker, ChunkerOptions } from '../../spec/chunker.js';
import { _budget, _overlap, _tokenizer } from './_options.js';
import { _attachPages } from './_pages.js';
import { _tokenWindows } from './_windows.js';
import { _prepare } from './_prepare.js';

/** Options for {@link createFixedChunker}. */
export type FixedChunkerOptions = Pick<ChunkerOptions, 'tokenizer' | 'maxTokens' | 'overlapTokens'>;

/**
 * The tutorial baseline: windows of `maxTokens` tokens, each starting `maxTokens - overlapTokens` tokens
 * after the previous one, cut at the tokenizer's own offsets (so words and sentences are cut anywhere).
 * A window whose text re-tokenizes longer than the budget is shortened by a token.
 */
export function createFixedChunker(options: FixedChunkerOptions): Chunker {
  const tokenizer = _tokenizer(options);
  const maxTokens = _budget('maxTokens', options.maxTokens ?? 512);
  const overlap = _overlap(options.overlapTokens ?? 64, maxTokens);
  return {
    name: 'fixed',
    async chunk({ text, pages, deadline }) {
      const { check, prepared } = _prepare(tokenizer, text, deadline);
      const spans = _tokenWindows(tokenizer, prepared, 0, text.length, maxTokens, overlap, false, check);
      const drafts = spans.map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end, headingPath: [], tokenCount: s.tokens, role: 'leaf' as const }));
      return _attachPages(drafts, pages);
    },
  };
}
