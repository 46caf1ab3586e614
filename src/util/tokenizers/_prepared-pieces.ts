import type { PreparedText } from '../../spec/tokenizer.js';
import { _isSpaceAt, _splitsPair } from './_whitespace.js';

/**
 * Range counting over one pre-tokenization pass of a regex pre-tokenizer (tiktoken style). Exact because
 * BPE never merges across pre-tokens and the regex has no look-behind: a range's own pre-tokenization agrees
 * with the whole text's from the first shared boundary on, and up to the last boundary before its end when
 * the range ends in a non-space (look-ahead and `$` only act on trailing whitespace). Other ranges are sliced.
 */
export function _preparePieces(
  text: string,
  pieceEnd: (text: string, p: number) => number,
  pieceCount: (text: string, a: number, b: number) => number,
  countSlice: (s: string) => number,
): PreparedText {
  let bnd = new Int32Array(Math.max(64, text.length >> 2));
  let cum = new Int32Array(bnd.length);
  let n = 1;
  let total = 0;
  for (let p = 0; p < text.length; ) {
    const e = pieceEnd(text, p);
    total += pieceCount(text, p, e);
    p = e;
    if (n === bnd.length) {
      const nb = new Int32Array(n * 2);
      nb.set(bnd);
      bnd = nb;
      const nc = new Int32Array(n * 2);
      nc.set(cum);
      cum = nc;
    }
    bnd[n] = e;
    cum[n] = total;
    n++;
  }
  const last = bnd[n - 1] as number;
  // Index of the last boundary <= pos.
  const floor = (pos: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bnd[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const slow = (a: number, b: number) => countSlice(text.slice(a, b));

  return {
    text,
    count(start, end) {
      const a = Math.max(0, start);
      const b = Math.min(end, text.length);
      if (a >= b) return 0;
      if (b > last || _isSpaceAt(text, a) || _isSpaceAt(text, b - 1) || _splitsPair(text, a) || _splitsPair(text, b)) {
        return slow(a, b);
      }
      const li = floor(b);
      const tailStart = bnd[li] as number;
      let ai = floor(a);
      let headCount = 0;
      if ((bnd[ai] as number) !== a) {
        let pos = a;
        for (;;) {
          const e = pieceEnd(text, pos);
          if (e > tailStart) return slow(a, b);
          headCount += pieceCount(text, pos, e);
          pos = e;
          const k = floor(pos);
          if ((bnd[k] as number) === pos) {
            ai = k;
            break;
          }
        }
      }
      const tail = tailStart < b ? countSlice(text.slice(tailStart, b)) : 0;
      return headCount + (cum[li] as number) - (cum[ai] as number) + tail;
    },
  };
}
