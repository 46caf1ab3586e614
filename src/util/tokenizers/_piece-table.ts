/**
 * A memo of per-piece token counts keyed by the characters of `text[a, b)`, held in typed arrays so a
 * lookup allocates nothing: open addressing on a 32-bit FNV-1a hash, verified character by character
 * against a pool copy of the piece (so counts stay exact whatever the hash does). Cleared when half full.
 */
export interface _PieceTable {
  readonly mask: number;
  /** Hash of each slot's piece. */
  readonly hashes: Int32Array;
  /** Piece length per slot; 0 marks an empty slot. */
  readonly lens: Int32Array;
  /** Offset of each slot's piece in `pool`. */
  readonly offs: Int32Array;
  readonly counts: Int32Array;
  readonly pool: Uint16Array;
  poolUsed: number;
  used: number;
  /** Counts one piece with the real BPE (the slow path). */
  readonly countPiece: (piece: string) => number;
}

/** Pieces longer than this are counted without the memo (long whitespace runs, long numbers of punctuation). */
export const _MAX_MEMO_PIECE = 48;

/** A new, empty table of `2^bits` slots. */
export function _pieceTable(countPiece: (piece: string) => number, bits = 17): _PieceTable {
  const size = 1 << bits;
  return {
    mask: size - 1,
    hashes: new Int32Array(size),
    lens: new Int32Array(size),
    offs: new Int32Array(size),
    counts: new Int32Array(size),
    pool: new Uint16Array(size * 8),
    poolUsed: 0,
    used: 0,
    countPiece,
  };
}

/** Hash of `text[a, b)`, as the o200k pass computes it. */
export function _hashRange(text: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = ((h << 5) - h + text.charCodeAt(i)) | 0;
  h = Math.imul(h ^ (h >>> 15) ^ (b - a), 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/** Token count of `text[a, b)` whose hash is `h`: a hit in the table, else counted and stored. */
export function _tableCount(t: _PieceTable, text: string, a: number, b: number, h: number): number {
  const len = b - a;
  const { lens, hashes, offs, pool, mask } = t;
  let idx = h & mask;
  for (;;) {
    const l = lens[idx] as number;
    if (l === 0) break;
    if (l === len && hashes[idx] === h) {
      const o = (offs[idx] as number) - a;
      let i = a;
      while (i < b && pool[o + i] === text.charCodeAt(i)) i++;
      if (i === b) return t.counts[idx] as number;
    }
    idx = (idx + 1) & mask;
  }
  return _tableMiss(t, text, a, b, h);
}

/** Counts a piece missing from the table and stores it. */
export function _tableMiss(t: _PieceTable, text: string, a: number, b: number, h: number): number {
  const len = b - a;
  const c = t.countPiece(text.slice(a, b));
  if (len > _MAX_MEMO_PIECE) return c;
  if (t.used >= (t.mask + 1) >> 1 || t.poolUsed + len > t.pool.length) {
    t.lens.fill(0);
    t.used = 0;
    t.poolUsed = 0;
  }
  let idx = h & t.mask;
  while ((t.lens[idx] as number) !== 0) idx = (idx + 1) & t.mask;
  const o = t.poolUsed;
  for (let i = 0; i < len; i++) t.pool[o + i] = text.charCodeAt(a + i);
  t.poolUsed = o + len;
  t.hashes[idx] = h;
  t.lens[idx] = len;
  t.offs[idx] = o;
  t.counts[idx] = c;
  t.used++;
  return c;
}
