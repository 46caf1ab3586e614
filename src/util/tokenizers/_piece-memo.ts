/**
 * Memoised per-piece token counts keyed by the characters of `text.slice(a, b)` without creating the
 * substring (FNV-1a hash, open addressing, verified with `startsWith`). Reset when half full.
 */
export function _pieceMemo(countPiece: (piece: string) => number, bits = 17): (text: string, a: number, b: number) => number {
  const size = 1 << bits;
  const mask = size - 1;
  let keys: Array<string | undefined> = new Array<string | undefined>(size);
  const hashes = new Int32Array(size);
  const counts = new Int32Array(size);
  let used = 0;
  return (text, a, b) => {
    let h = 0x811c9dc5 ^ (b - a);
    for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    let idx = h & mask;
    for (;;) {
      const k = keys[idx];
      if (k === undefined) break;
      if (hashes[idx] === h && k.length === b - a && text.startsWith(k, a)) return counts[idx] as number;
      idx = (idx + 1) & mask;
    }
    const piece = text.slice(a, b);
    const c = countPiece(piece);
    if (used >= size >> 1) {
      keys = new Array<string | undefined>(size);
      used = 0;
      idx = h & mask;
    }
    keys[idx] = piece;
    hashes[idx] = h;
    counts[idx] = c;
    used++;
    return c;
  };
}
