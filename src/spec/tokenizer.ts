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
}
