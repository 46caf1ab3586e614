import type { PreparedText } from '../../spec/tokenizer.js';
import type { _PieceLog } from './_o200k-pass.js';
import { _isSpaceAt, _splitsPair } from './_whitespace.js';

/** Functions a regex pre-tokenizer (tiktoken style) offers for range counting. */
export interface _PieceFns {
  /** Token count of `text[from, to)` as a text of its own; with `log`, records piece ends and running totals. */
  pass(text: string, from: number, to: number, log: _PieceLog | null): number;
  /**
   * End of the whole text's pre-token starting at `p` when it ends at or before `limit`; otherwise any
   * position past `limit` (so a giant pre-token is not scanned to its end on every call).
   */
  pieceEnd(text: string, p: number, limit: number): number;
  /** Token count of the pre-token `text[a, b)`. */
  pieceCount(text: string, a: number, b: number): number;
}

/**
 * Range counting over one pre-tokenization pass: prefix sums of piece counts. Exact because BPE never
 * merges across pre-tokens and the regex has no look-behind: a range's own pre-tokenization agrees with
 * the whole text's from the first shared boundary on, and up to the last boundary before its end when the
 * range ends in a non-space (look-ahead and `$` only act on trailing whitespace). The head before the first
 * shared boundary is walked piece by piece, the tail after the last one counted on its own; other ranges
 * are counted directly.
 */
export function _preparePieces(text: string, fns: _PieceFns): PreparedText {
  const size = Math.max(64, text.length >> 2);
  const log: _PieceLog = { ends: new Int32Array(size), cum: new Int32Array(size), n: 1 };
  fns.pass(text, 0, text.length, log);
  const { ends, cum, n } = log;
  // Index of the last boundary <= pos: a guess from the mean boundary spacing, walked a few steps, else a
  // binary search (the chunkers ask about nearby positions, so the guess is usually close).
  const spacing = text.length / Math.max(1, n - 1);
  const floor = (pos: number): number => {
    let g = Math.min(n - 1, Math.floor(pos / spacing));
    for (let k = 0; k < 24; k++) {
      if ((ends[g] as number) > pos) g--;
      else if (g + 1 < n && (ends[g + 1] as number) <= pos) g++;
      else return g;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((ends[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const slow = (a: number, b: number) => fns.pass(text, a, b, null);
  // Chunkers grow a chunk from one start: remember the last start's boundary index.
  let lastA = -1;
  let lastAi = 0;

  return {
    text,
    count(start, end) {
      const a = Math.max(0, start);
      const b = Math.min(end, text.length);
      if (a >= b) return 0;
      if (_isSpaceAt(text, a) || _isSpaceAt(text, b - 1) || _splitsPair(text, a) || _splitsPair(text, b)) return slow(a, b);
      const li = floor(b);
      const tailStart = ends[li] as number;
      let ai = a === lastA ? lastAi : floor(a);
      let headCount = 0;
      if ((ends[ai] as number) === a) {
        lastA = a;
        lastAi = ai;
      } else {
        let pos = a;
        for (;;) {
          const e = fns.pieceEnd(text, pos, tailStart);
          if (e > tailStart) return slow(a, b);
          headCount += fns.pieceCount(text, pos, e);
          pos = e;
          const k = floor(pos);
          if ((ends[k] as number) === pos) {
            ai = k;
            break;
          }
        }
      }
      const tail = tailStart < b ? fns.pass(text, tailStart, b, null) : 0;
      return headCount + (cum[li] as number) - (cum[ai] as number) + tail;
    },
  };
}
