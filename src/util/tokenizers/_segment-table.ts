/**
 * A memo of token counts keyed by short strings (segments), exact without re-reading the text: the key's
 * last units are packed into two integers `k0`, `k1` (eight ASCII bytes, or four UTF-16 units: `exact`),
 * which with the length *are* the key up to that length; longer keys are also compared with a pool copy.
 * A slot is four adjacent integers `[k0, k1, length | count << 8, poolOffset]` (one cache line per probe).
 * The table starts small, doubles when half full, and is cleared at its largest size.
 */
export interface _SegmentTable {
  mask: number;
  slots: Int32Array;
  pool: Uint16Array;
  poolUsed: number;
  used: number;
  readonly maxBits: number;
  /** Key length up to which `k0`, `k1` hold the whole key: 8 (ASCII bytes) or 4 (UTF-16 units). */
  readonly exact: number;
}

/** Longest segment memoised (the count must fit beside the length in one integer). */
export const _MAX_SEGMENT = 64;

/** A new, empty table of `2^bits` slots that may grow to `2^maxBits`. */
export function _segmentTable(exact: 8 | 4 = 8, bits = 12, maxBits = 17): _SegmentTable {
  return { mask: (1 << bits) - 1, slots: new Int32Array(4 << bits), pool: new Uint16Array(16 << bits), poolUsed: 0, used: 0, maxBits, exact };
}

/** Slot index hash of a key. */
function _segmentHash(k0: number, k1: number, len: number): number {
  const h = Math.imul(k0 ^ ((k1 << 13) | (k1 >>> 19)) ^ (len << 24), 0x9e3779b1);
  return h ^ (h >>> 15);
}

/** The stored count of `bytes[a, b)` (last bytes packed in `k0`, `k1`), or -1, in a table of ASCII keys (`exact` 8). */
export function _segmentGet(t: _SegmentTable, bytes: Uint8Array, a: number, b: number, k0: number, k1: number): number {
  const len = b - a;
  const { slots, mask } = t;
  let idx = _segmentHash(k0, k1, len) & mask;
  for (;;) {
    const s = idx << 2;
    const m = slots[s + 2] as number;
    if (m === 0) return -1;
    if ((m & 255) === len && slots[s] === k0 && slots[s + 1] === k1) {
      if (len <= 8) return m >>> 8;
      const pool = t.pool;
      const o = (slots[s + 3] as number) - a;
      const e = b - 8; // the last eight bytes are k0 and k1
      let j = a;
      while (j < e && pool[o + j] === bytes[j]) j++;
      if (j === e) return m >>> 8;
    }
    idx = (idx + 1) & mask;
  }
}

/** {@link _segmentGet} for a table of UTF-16 keys (`exact` 4). */
export function _segmentGetUnits(t: _SegmentTable, units: Uint16Array, a: number, b: number, k0: number, k1: number): number {
  const len = b - a;
  const { slots, mask } = t;
  let idx = _segmentHash(k0, k1, len) & mask;
  for (;;) {
    const s = idx << 2;
    const m = slots[s + 2] as number;
    if (m === 0) return -1;
    if ((m & 255) === len && slots[s] === k0 && slots[s + 1] === k1) {
      if (len <= 4) return m >>> 8;
      const pool = t.pool;
      const o = (slots[s + 3] as number) - a;
      const e = b - 4; // the last four units are k0 and k1
      let j = a;
      while (j < e && pool[o + j] === units[j]) j++;
      if (j === e) return m >>> 8;
    }
    idx = (idx + 1) & mask;
  }
}

/** Stores the count of `units[a, b)` (at most {@link _MAX_SEGMENT} units). */
export function _segmentSet(t: _SegmentTable, units: Uint8Array | Uint16Array, a: number, b: number, k0: number, k1: number, count: number): void {
  const len = b - a;
  if (t.used >= (t.mask + 1) >> 1) _grow(t);
  let off = 0;
  if (len > t.exact) {
    if (t.poolUsed + len > t.pool.length) {
      const pool = new Uint16Array(t.pool.length * 2);
      pool.set(t.pool);
      t.pool = pool;
    }
    off = t.poolUsed;
    t.pool.set(units.subarray(a, b), off);
    t.poolUsed = off + len;
  }
  _place(t, k0, k1, len | (count << 8), off);
  t.used++;
}

/**
 * The same memo for a short range of a string (ranges counted on their own, e.g. the tail of a chunk):
 * the stored count of `text[a, b)`, or -1 when absent or when the range is not pure ASCII. With `count`
 * (from a caller that counted it after a miss), stores it instead and returns it.
 */
export function _segmentText(t: _SegmentTable, text: string, a: number, b: number, count = -1): number {
  let k0 = 0;
  let k1 = 0;
  let high = 0;
  for (let j = a; j < b; j++) {
    const c = text.charCodeAt(j);
    high |= c;
    k1 = (k1 << 8) | (k0 >>> 24);
    k0 = (k0 << 8) | c;
  }
  if (high >= 128 || b - a > _MAX_SEGMENT) return count;
  if (count >= 0) {
    _segmentSet(t, _utf8.encode(text.slice(a, b)), 0, b - a, k0, k1, count);
    return count;
  }
  const len = b - a;
  const { slots, mask } = t;
  let idx = _segmentHash(k0, k1, len) & mask;
  for (;;) {
    const s = idx << 2;
    const m = slots[s + 2] as number;
    if (m === 0) return -1;
    if ((m & 255) === len && slots[s] === k0 && slots[s + 1] === k1) {
      const pool = t.pool;
      const o = (slots[s + 3] as number) - a;
      const e = b - 8;
      let j = a;
      while (j < e && pool[o + j] === text.charCodeAt(j)) j++;
      if (j >= e) return m >>> 8;
    }
    idx = (idx + 1) & mask;
  }
}

const _utf8 = new TextEncoder();

function _place(t: _SegmentTable, k0: number, k1: number, m: number, off: number): void {
  let idx = _segmentHash(k0, k1, m & 255) & t.mask;
  while ((t.slots[(idx << 2) + 2] as number) !== 0) idx = (idx + 1) & t.mask;
  const s = idx << 2;
  t.slots[s] = k0;
  t.slots[s + 1] = k1;
  t.slots[s + 2] = m;
  t.slots[s + 3] = off;
}

function _grow(t: _SegmentTable): void {
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
    if ((old[s + 2] as number) !== 0) _place(t, old[s] as number, old[s + 1] as number, old[s + 2] as number, old[s + 3] as number);
  }
}
