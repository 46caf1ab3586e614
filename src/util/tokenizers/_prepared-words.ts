import type { PreparedText } from '../../spec/tokenizer.js';

/**
 * Range counting for tokenizers whose pre-tokenizer always splits at whitespace (WordPiece/BERT and
 * friends): a range's count is the sum over the whitespace-separated words it holds, and a word cut by the
 * range's edge is counted as the cut piece.
 */
export function _prepareWords(text: string, wordCount: (word: string) => number, countSlice: (s: string) => number): PreparedText {
  const starts: number[] = [];
  const ends: number[] = [];
  const cum: number[] = [0];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let total = 0;
  while ((m = re.exec(text)) !== null) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    total += wordCount(m[0]);
    cum.push(total);
  }
  // First word whose end is > pos.
  const firstEndingAfter = (pos: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ends[mid] as number) > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    text,
    count(start, end) {
      const a = Math.max(0, start);
      const b = Math.min(end, text.length);
      if (a >= b) return 0;
      let i = firstEndingAfter(a);
      let j = firstEndingAfter(b - 1); // word holding or following b - 1
      let n = 0;
      if (i < ends.length && (starts[i] as number) < a) {
        // The range starts inside word i.
        if ((ends[i] as number) >= b) return countSlice(text.slice(a, b));
        n += countSlice(text.slice(a, ends[i]));
        i++;
      }
      if (j < ends.length && (starts[j] as number) < b && (ends[j] as number) > b) {
        n += countSlice(text.slice(starts[j], b));
      } else if (j < ends.length && (starts[j] as number) < b) {
        j++;
      }
      if (j > i) n += (cum[j] as number) - (cum[i] as number);
      return n;
    },
  };
}
