/**
 * A real tokenizer: the one whose counts a budget is measured in.
 */
export interface Tokenizer {
  /** Identifier, e.g. `gpt-tokenizer:o200k_base` or `hf:Xenova/all-MiniLM-L6-v2`. */
  readonly id: string;
  /** Number of tokens in `text` (without special tokens such as [CLS]/[SEP]). */
  count(text: string): number;
  /**
   * Tokens with their character offsets into `text` (UTF-16, end exclusive), in order. Offsets of
   * consecutive tokens never overlap; a token that covers part of a multi-unit character is widened to it.
   */
  encode(text: string): { ids: number[]; offsets: Array<[number, number]> };
  /**
   * Optional fast path for counting many ranges of one text (chunkers do this): tokenizes `text` once and
   * answers `count(start, end)` for any range, always equal to `count(text.slice(start, end))`.
   * Callers use `prepareText()` from `util/tokenizers`, which falls back to slicing when this is absent.
   */
  prepare?(text: string): PreparedText;
}

/** A text tokenized once, answering range counts. */
export interface PreparedText {
  readonly text: string;
  /** Exactly `tokenizer.count(text.slice(start, end))`. */
  count(start: number, end: number): number;
}
