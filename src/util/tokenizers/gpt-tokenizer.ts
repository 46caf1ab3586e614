import type { Tokenizer } from '../../spec/tokenizer.js';
import { _loadBpeCore } from './_bpe-core.js';
import { _byteOffsets } from './_byte-offsets.js';
import { _prepareRegex } from './_prepared-regex.js';

/** Options for {@link createGptTokenizer}. */
export interface GptTokenizerOptions {
  /** The OpenAI BPE encoding. @default 'o200k_base' */
  encoding?: 'o200k_base' | 'cl100k_base';
  /** Pre-tokens whose counts are memoised before the memo is reset. @default 100_000 */
  memoSize?: number;
}

/**
 * An OpenAI BPE tokenizer (gpt-tokenizer). Special-token text such as `<|endoftext|>` is counted as
 * ordinary text. Counting memoises per pre-token: BPE never merges across pre-tokens, so a text's count is
 * the sum of its pre-tokens' counts, and repeated words cost one map lookup.
 */
export function createGptTokenizer({ encoding = 'o200k_base', memoSize = 100_000 }: GptTokenizerOptions = {}): Tokenizer {
  const core = _loadBpeCore(encoding);
  const re = new RegExp(core.splitRegex.source, 'gu');
  const memo = new Map<string, number>();

  const pieceCount = (piece: string): number => {
    let c = memo.get(piece);
    if (c === undefined) {
      c = core.encodePiece(piece).length;
      if (memo.size >= memoSize) memo.clear();
      memo.set(piece, c);
    }
    return c;
  };

  const count = (text: string): number => {
    re.lastIndex = 0;
    let total = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) total += pieceCount(m[0]);
    return total;
  };

  return {
    id: `gpt-tokenizer:${encoding}`,
    count,
    encode(text) {
      const ids: number[] = [];
      const offsets: Array<[number, number]> = [];
      const split = new RegExp(core.splitRegex.source, 'gu');
      let m: RegExpExecArray | null;
      while ((m = split.exec(text)) !== null) {
        const pieceIds = core.encodePiece(m[0]);
        ids.push(...pieceIds);
        _byteOffsets(m[0], m.index, pieceIds.map((id) => core.tokenByteLength(id)), offsets);
      }
      return { ids, offsets };
    },
    prepare(text) {
      return _prepareRegex(text, core.splitRegex, pieceCount, count);
    },
  };
}
