import { Buffer } from 'node:buffer';
import type { Tokenizer } from '../../spec/tokenizer.js';
import { _loadBpeCore } from './_bpe-core.js';
import { _byteOffsets } from './_byte-offsets.js';
import { _o200kSegmentPass } from './_o200k-segment-pass.js';
import { _logPiece, _o200kEnd, _o200kPass, type _PieceLog } from './_o200k-pass.js';
import { _hashRange, _pieceTable, _tableCount } from './_piece-table.js';
import { _MAX_SEGMENT, _segmentTable, _segmentText } from './_segment-table.js';
import { _preparePieces, type _PieceFns } from './_prepared-pieces.js';

/** Largest text whose bytes buffer a tokenizer keeps for reuse (4 M characters). */
const MAX_SCRATCH = 1 << 22;

/** Characters past a range's end that decide where a pre-token there ends (contractions, `\s+(?!\S)`). */
const _LOOK_AHEAD = 8;

/** Options for {@link createGptTokenizer}. */
export interface GptTokenizerOptions {
  /** The OpenAI BPE encoding. @default 'o200k_base' */
  encoding?: 'o200k_base' | 'cl100k_base';
}

/**
 * An OpenAI BPE tokenizer (gpt-tokenizer). Special-token text such as `<|endoftext|>` is counted as
 * ordinary text. Counting memoises per pre-token: BPE never merges across pre-tokens, so a text's count is
 * the sum of its pre-tokens' counts, and a repeated word costs one hash lookup. For o200k_base a
 * hand-written matcher replaces the pre-tokenizer regex on ASCII text, and a text is counted per
 * whitespace segment (`_o200k-segment-pass.ts`, one pass over a pure-ASCII text's bytes or any text's UTF-16 units). Counts are always exact: every memo verifies
 * its key in full.
 */
export function createGptTokenizer({ encoding = 'o200k_base' }: GptTokenizerOptions = {}): Tokenizer {
  const core = _loadBpeCore(encoding);
  const sticky = new RegExp(core.splitRegex.source, 'guy');
  const regexEnd = (text: string, p: number): number => {
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    return m === null || m[0].length === 0 ? p + 1 : p + m[0].length;
  };
  const table = _pieceTable((piece) => core.encodePiece(piece).length);
  const pieceCount = (text: string, a: number, b: number): number => _tableCount(table, text, a, b, _hashRange(text, a, b));
  const segments = _segmentTable(8);
  const wideSegments = _segmentTable(4);
  let scratch = new Uint8Array(1024);
  let view = new DataView(scratch.buffer);
  const utf8 = new TextEncoder();

  let wide = new Uint16Array(0);
  let wideBuffer = Buffer.from(wide.buffer);
  let wideView = new DataView(wide.buffer);

  // o200k_base: a whole text goes through the segment pass (over its bytes when it is pure ASCII, else over
  // its UTF-16 units); a short range (a chunk's tail) is memoised like a segment; anything else is scanned
  // piece by piece.
  function _o200kCount(text: string, from: number, to: number, log: _PieceLog | null): number {
    if (from === 0 && to === text.length) {
      let bytes = scratch;
      let dv = view;
      if (bytes.length < to) {
        bytes = new Uint8Array((Math.max(to, bytes.length * 2) + 4) & ~3); // whole words past the text (see _o200k-segment-pass.ts)
        dv = new DataView(bytes.buffer);
        if (to <= MAX_SCRATCH) {
          scratch = bytes; // kept for the next texts; a very large one gets a buffer of its own
          view = dv;
        }
      }
      const { read, written } = utf8.encodeInto(text, bytes);
      if (read === to && written === to) return _o200kSegmentPass(text, bytes, null, dv, segments, table, regexEnd, log);
      let units = wide;
      let unitsBuffer = wideBuffer;
      let uv = wideView;
      if (units.length < to) {
        units = new Uint16Array(Math.max(to, units.length * 2));
        unitsBuffer = Buffer.from(units.buffer);
        uv = new DataView(units.buffer);
        if (to <= MAX_SCRATCH) {
          wide = units;
          wideBuffer = unitsBuffer;
          wideView = uv;
        }
      }
      unitsBuffer.write(text, 0, 'utf16le');
      return _o200kSegmentPass(text, null, units, uv, wideSegments, table, regexEnd, log);
    }
    if (log === null && to - from <= _MAX_SEGMENT) {
      const hit = _segmentText(segments, text, from, to);
      return hit >= 0 ? hit : _segmentText(segments, text, from, to, _o200kPass(text, from, to, table, regexEnd, null));
    }
    return _o200kPass(text, from, to, table, regexEnd, log);
  }

  const fns: _PieceFns =
    encoding === 'o200k_base'
      ? {
          pass: _o200kCount,
          pieceEnd(text, p, limit) {
            // Past `limit` + a few characters of look-ahead, the piece's exact end does not matter.
            const to = Math.min(text.length, limit + _LOOK_AHEAD);
            const e = _o200kEnd(text, p, to);
            return e > p ? e : regexEnd(to < text.length ? text.slice(0, to) : text, p);
          },
          pieceCount,
        }
      : { pass: _regexPass, pieceEnd: (text, p, limit) => regexEnd(limit + _LOOK_AHEAD < text.length ? text.slice(0, limit + _LOOK_AHEAD) : text, p), pieceCount };

  // Any other encoding: the regex, on the range as a string of its own.
  function _regexPass(text: string, from: number, to: number, log: _PieceLog | null): number {
    const sub = from > 0 || to < text.length ? text.slice(from, to) : text;
    let total = 0;
    for (let p = 0; p < sub.length; ) {
      const e = regexEnd(sub, p);
      total += pieceCount(sub, p, e);
      p = e;
      if (log !== null) _logPiece(log, e + from, total);
    }
    return total;
  }

  return {
    id: `gpt-tokenizer:${encoding}`,
    count: (text) => fns.pass(text, 0, text.length, null),
    encode(text) {
      const ids: number[] = [];
      const offsets: Array<[number, number]> = [];
      const split = new RegExp(core.splitRegex.source, 'gu');
      let m: RegExpExecArray | null;
      while ((m = split.exec(text)) !== null) {
        const pieceIds = core.encodePiece(m[0]);
        for (const id of pieceIds) ids.push(id); // not push(...ids): one long pre-token has ~10^5 of them
        _byteOffsets(m[0], m.index, pieceIds.map((id) => core.tokenByteLength(id)), offsets);
      }
      return { ids, offsets };
    },
    prepare(text) {
      return _preparePieces(text, fns);
    },
  };
}
