import type { Tokenizer } from '../../spec/tokenizer.js';
import { _loadBpeCore } from './_bpe-core.js';
import { _byteOffsets } from './_byte-offsets.js';
import { _o200kPieceEnd } from './_o200k-scan.js';
import { _pieceMemo } from './_piece-memo.js';
import { _preparePieces } from './_prepared-pieces.js';

/** Options for {@link createGptTokenizer}. */
export interface GptTokenizerOptions {
  /** The OpenAI BPE encoding. @default 'o200k_base' */
  encoding?: 'o200k_base' | 'cl100k_base';
}

/**
 * An OpenAI BPE tokenizer (gpt-tokenizer). Special-token text such as `<|endoftext|>` is counted as
 * ordinary text. Counting memoises per pre-token: BPE never merges across pre-tokens, so a text's count is
 * the sum of its pre-tokens' counts, and a repeated word costs one hash lookup. For o200k_base a
 * hand-written matcher replaces the pre-tokenizer regex on ASCII text.
 */
export function createGptTokenizer({ encoding = 'o200k_base' }: GptTokenizerOptions = {}): Tokenizer {
  const core = _loadBpeCore(encoding);
  const sticky = new RegExp(core.splitRegex.source, 'guy');
  const regexEnd = (text: string, p: number): number => {
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    return m === null || m[0].length === 0 ? p + 1 : p + m[0].length;
  };
  const pieceEnd =
    encoding === 'o200k_base'
      ? (text: string, p: number): number => {
          const e = _o200kPieceEnd(text, p);
          return e > p ? e : regexEnd(text, p);
        }
      : regexEnd;
  const pieceCount = _pieceMemo((piece) => core.encodePiece(piece).length);

  const count = (text: string): number => {
    let total = 0;
    for (let p = 0; p < text.length; ) {
      const e = pieceEnd(text, p);
      total += pieceCount(text, p, e);
      p = e;
    }
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
      return _preparePieces(text, pieceEnd, pieceCount, count);
    },
  };
}
