/**
 * A memo of per-piece token counts keyed by the characters of `text[a, b)`, held in typed arrays so a
 * lookup allocates nothing: open addressing on a 32-bit hash, verified character by character against a
 * pool copy of the piece (so counts stay exact whatever the hash does). A slot is four adjacent integers
 * (hash, length, pool offset, count: one cache line per probe). The table starts small, doubles when half
 * full, and is cleared once it reaches its largest size.
 */
export interface _PieceTable {
  /** Slot count - 1 (a power of two minus one). */
  mask: number;
  /** `[hash, length, poolOffset, count]` per slot; length 0 marks an empty slot. */
  slots: Int32Array;
  pool: Uint16Array;
  poolUsed: number;
  used: number;
  readonly maxBits: number;
  /** Counts one piece with the real BPE (the slow path). */
  readonly countPiece: (piece: string) => number;
}

/** Keys longer than this are counted without the memo (long runs of spaces or punctuation, long words). */
const _MAX_MEMO_PIECE = 64;

/** A new, empty table of `2^bits` slots that may grow to `2^maxBits`. */
export function _pieceTable(countPiece: (piece: string) => number, bits = 12, maxBits = 17): _PieceTable {
  return { mask: (1 << bits) - 1, slots: new Int32Array(4 << bits), pool: new Uint16Array(8 << bits), poolUsed: 0, used: 0, maxBits, countPiece };
}

/** Hash of `text[a, b)`, exactly as the o200k pass computes it while scanning. */
export function _hashRange(text: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = ((h << 5) - h + text.charCodeAt(i)) | 0;
  return _finishHash(h, b - a);
}

/** Final mixing of a running hash `h` of a piece of `len` characters. */
export function _finishHash(h: number, len: number): number {
  h = Math.imul(h ^ (h >>> 15) ^ len, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/** Token count of `text[a, b)` whose hash is `h`: a hit in the table, else counted and stored. */
export function _tableCount(t: _PieceTable, text: string, a: number, b: number, h: number): number {
  const { slots, pool, mask } = t;
  const len = b - a;
  let idx = h & mask;
  for (;;) {
    const s = idx << 2;
    const l = slots[s + 1] as number;
    if (l === 0) return _tableMiss(t, text, a, b, h);
    if (l === len && slots[s] === h) {
      const o = (slots[s + 2] as number) - a;
      let i = a;
      while (i < b && pool[o + i] === text.charCodeAt(i)) i++;
      if (i === b) return slots[s + 3] as number;
    }
    idx = (idx + 1) & mask;
  }
}

/** Counts a piece missing from the table and stores it. */
function _tableMiss(t: _PieceTable, text: string, a: number, b: number, h: number): number {
  const c = t.countPiece(text.slice(a, b));
  _tableStore(t, text, a, b, h, c);
  return c;
}

/** Stores the count of `text[a, b)` (hash `h`), unless it is too long to memoise. */
function _tableStore(t: _PieceTable, text: string, a: number, b: number, h: number, count: number): void {
  const len = b - a;
  if (len > _MAX_MEMO_PIECE) return;
  if (t.used >= (t.mask + 1) >> 1) _grow(t);
  if (t.poolUsed + len > t.pool.length) {
    const pool = new Uint16Array(t.pool.length * 2);
    pool.set(t.pool);
    t.pool = pool;
  }
  const o = t.poolUsed;
  for (let i = 0; i < len; i++) t.pool[o + i] = text.charCodeAt(a + i);
  t.poolUsed = o + len;
  _place(t, h, len, o, count);
  t.used++;
}

function _place(t: _PieceTable, h: number, len: number, off: number, count: number): void {
  let idx = h & t.mask;
  while ((t.slots[(idx << 2) + 1] as number) !== 0) idx = (idx + 1) & t.mask;
  const s = idx << 2;
  t.slots[s] = h;
  t.slots[s + 1] = len;
  t.slots[s + 2] = off;
  t.slots[s + 3] = count;
}

/** Doubles the table (rehashing its pieces), or clears it at its largest size. */
function _grow(t: _PieceTable): void {
  const size = t.mask + 1;
  if (size >= 1 << t.maxBits) {
    t.slots.fill(0);
    t.used = 0;
    t.poolUsed = 0;
    return;
  }
  const old = t.slots;
  t.slots = new Int32Array(old.length * 2);
  t.mask = size * 2 - 1;
  for (let s = 0; s < old.length; s += 4) {
    if ((old[s + 1] as number) !== 0) _place(t, old[s] as number, old[s + 1] as number, old[s + 2] as number, old[s + 3] as number);
  }
}
