/**
 * Aligns the tokens of one segment (a word, or a whole text) back onto the original characters:
 * normalises per code point while recording where each normalised unit came from, then finds each
 * token's surface form in order. Tokens whose surface cannot be found ([UNK], partial bytes) take the gap
 * up to the next found token.
 */
export function _alignSegment(
  segment: string,
  base: number,
  surfaces: string[],
  normalize: (s: string) => string,
  out: Array<[number, number]>,
): void {
  let norm = normalize(segment);
  let from: Int32Array | null = null;
  let to: Int32Array | null = null;
  if (norm.length !== segment.length) {
    const parts: string[] = [];
    const f: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < segment.length; ) {
      const units = (segment.codePointAt(i) as number) > 0xffff ? 2 : 1;
      const piece = normalize(segment.slice(i, i + units));
      parts.push(piece);
      for (let k = 0; k < piece.length; k++) {
        f.push(i);
        t.push(i + units);
      }
      i += units;
    }
    norm = parts.join('');
    from = Int32Array.from(f);
    to = Int32Array.from(t);
  }
  const startOf = (k: number) => (from ? (from[k] ?? segment.length) : k);
  const endOf = (k: number) => (to ? (to[k] ?? segment.length) : k + 1);

  let cursor = 0; // in norm
  let prevEnd = 0; // in segment
  const pending: number[] = [];
  const flush = (upTo: number) => {
    for (const [n, index] of pending.entries()) {
      const end = n === 0 ? Math.max(upTo, prevEnd) : Math.max(prevEnd, upTo);
      out[index] = n === 0 ? [base + prevEnd, base + end] : [base + end, base + end];
    }
    if (pending.length > 0) prevEnd = Math.max(prevEnd, upTo);
    pending.length = 0;
  };
  for (const surface of surfaces) {
    const index = out.length;
    out.push([base + prevEnd, base + prevEnd]);
    const p = surface.length === 0 ? -1 : norm.indexOf(surface, cursor);
    if (p < 0 || (pending.length === 0 && p > cursor && !/^\s*$/.test(norm.slice(cursor, p)))) {
      pending.push(index);
      continue;
    }
    const s = startOf(p);
    flush(s);
    const start = Math.max(s, prevEnd);
    const end = Math.max(endOf(p + surface.length - 1), start);
    out[index] = [base + start, base + end];
    prevEnd = end;
    cursor = p + surface.length;
  }
  flush(segment.length);
}
