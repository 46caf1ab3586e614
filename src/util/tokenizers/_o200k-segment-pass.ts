import { _growLog, _o200kPass, type _PieceLog, type _RegexEnd } from './_o200k-pass.js';
import type { _PieceTable } from './_piece-table.js';
import { _MAX_SEGMENT, _segmentGet, _segmentGetUnits, _segmentSet, type _SegmentTable } from './_segment-table.js';
import { _isSpaceAt } from './_whitespace.js';

/** ASCII whitespace as the pre-tokenizer regex's `\s` sees it: \t \n \v \f \r and space. */
const WS = new Uint8Array(256);
for (const c of [9, 10, 11, 12, 13, 32]) WS[c] = 1;
/**
 * By segment length, the masks that keep the segment's own bytes: of the four bytes before its end (MASK0)
 * and of the four before those (MASK1).
 */
const MASK0 = new Int32Array(65);
const MASK1 = new Int32Array(65);
for (let len = 1; len <= 64; len++) {
  MASK0[len] = len >= 4 ? -1 : (1 << (8 * len)) - 1;
  MASK1[len] = len >= 8 ? -1 : len <= 4 ? 0 : (1 << (8 * (len - 4))) - 1;
}

/** True when the unit at `i` is not `\s` (non-ASCII units are asked of the regex). */
function _nonSpace(text: string, units: Uint16Array, i: number): boolean {
  const u = units[i] as number;
  return u < 128 ? WS[u] === 0 : !_isSpaceAt(text, i);
}

/**
 * The o200k_base count pass, memoised per *segment* rather than per piece, over a pure-ASCII text's bytes
 * (`bytes`, `units` null) or any text's UTF-16 units (`units`, `bytes` null): one pass, two scanners.
 * Segments end where the o200k_base regex always starts a new piece whatever the surrounding text:
 *  - before a space that follows a non-space (no alternative continues a non-space with a space);
 *  - before a non-space other than `/` that follows `\n` or `\r` (only `[\r\n/]*` and whitespace runs
 *    hold a newline, and neither goes on with such a character);
 * where "space" is the regex's `\s` (non-ASCII whitespace such as U+00A0 included); a cut never splits a
 * surrogate pair. A segment is therefore counted as a text of its own (usually one word with its space and
 * punctuation, e.g. ` below),`), and one memo lookup (`_segment-table.ts`) replaces scanning its pieces: the
 * loop only looks for whitespace, four bytes (or two units) at a time. Segments too long to memoise are counted
 * piece by piece and their pieces logged, so logged boundaries stay dense. With `log`, records each boundary
 * and the running total, like `_o200kPass`, whose results this pass equals. Bytes: `bytes[i]` is
 * `text.charCodeAt(i)` (typed-array reads are about twice as fast as `charCodeAt`), `bytes` starts at a
 * multiple of 4 in its buffer and holds whole words past the text (`(text.length + 3) & ~3` bytes at least);
 * memo keys are the last eight bytes. Units: `view` reads them two at a time; memo keys pack the last four.
 */
export function _o200kSegmentPass(text: string, bytes: Uint8Array | null, units: Uint16Array | null, view: DataView, segments: _SegmentTable, pieces: _PieceTable, regexEnd: _RegexEnd, log: _PieceLog | null): number {
  const to = text.length;
  const words = bytes === null ? null : new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const lastWord = (to + 3) >> 2; // words past the text are never read
  let total = 0;
  let p = 0; // segment start
  let i = 0;
  // The log, in locals (written back around the rare long segments and at the end).
  let ends = log === null ? null : log.ends;
  let cum = log === null ? null : log.cum;
  let logged = log === null ? 0 : log.n;
  for (;;) {
    let cut = to;
    if (bytes !== null && words !== null) {
      // Skip bytes above 32, four at a time over aligned words: `(0xa0a0a0a0 - x) & 0x80808080` flags exactly
      // the bytes below 33 (ASCII bytes never borrow); bytes before `i` in the first word are masked off.
      let k = i >> 2;
      let m = (-1600085856 - (words[k] as number)) & 0x80808080 & (-1 << ((i & 3) << 3));
      while (m === 0 && ++k < lastWord) m = (-1600085856 - (words[k] as number)) & 0x80808080;
      i = m === 0 ? to : Math.min(to, (k << 2) + ((31 - Math.clz32(m & -m)) >> 3));
      if (i < to) {
        const c = bytes[i] as number;
        if (WS[c] === 0) {
          i++; // a control character: part of the segment
          continue;
        }
        if (c === 32 && i > p && WS[bytes[i - 1] as number] === 0) cut = i++;
        else if (++i < to && (c === 10 || c === 13) && WS[bytes[i] as number] === 0 && bytes[i] !== 47) cut = i;
        else continue;
      } else if (p >= to) break;
    } else if (units !== null) {
      // Skip units above 32, two at a time (the lowest lane flagged is the first unit below 33).
      while (i + 2 <= to) {
        const x = view.getInt32(2 * i, true);
        const m = (x - 0x00210021) & ~x & 0x80008000;
        if (m !== 0) {
          i += (31 - Math.clz32(m & -m)) >> 4;
          break;
        }
        i += 2;
      }
      while (i < to && (units[i] as number) > 32) i++;
      if (i < to) {
        const c = units[i] as number;
        if (WS[c] === 0) {
          i++; // a control character: part of the segment
          continue;
        }
        if (c === 32 && i > p && _nonSpace(text, units, i - 1)) cut = i++;
        else if (++i < to && (c === 10 || c === 13) && units[i] !== 47 && _nonSpace(text, units, i)) cut = i;
        else continue;
      } else if (p >= to) break;
    }
    const len = cut - p;
    let n = -1;
    if (len <= _MAX_SEGMENT) {
      if (bytes !== null) {
        // The key: the segment's last eight bytes (k0 the last four, last byte lowest; k1 the four before).
        let k0 = 0;
        let k1 = 0;
        if (cut >= 8) {
          k0 = view.getInt32(cut - 4) & (MASK0[len] as number);
          k1 = view.getInt32(cut - 8) & (MASK1[len] as number);
        } else {
          for (let j = p; j < cut; j++) {
            k1 = (k1 << 8) | (k0 >>> 24);
            k0 = (k0 << 8) | (bytes[j] as number);
          }
        }
        n = _segmentGet(segments, bytes, p, cut, k0, k1);
        if (n < 0) {
          n = _o200kPass(text, p, cut, pieces, regexEnd, null);
          _segmentSet(segments, bytes, p, cut, k0, k1, n);
        }
      } else if (units !== null) {
        // The key: the last four units (k0 the last two, k1 the two before; zero before the segment).
        const k0 = (len >= 2 ? (units[cut - 2] as number) : 0) | ((units[cut - 1] as number) << 16);
        const k1 = len >= 4 ? (units[cut - 4] as number) | ((units[cut - 3] as number) << 16) : len === 3 ? (units[cut - 3] as number) << 16 : 0;
        n = _segmentGetUnits(segments, units, p, cut, k0, k1);
        if (n < 0) {
          n = _o200kPass(text, p, cut, pieces, regexEnd, null);
          _segmentSet(segments, units, p, cut, k0, k1, n);
        }
      }
    } else if (log === null) n = _o200kPass(text, p, cut, pieces, regexEnd, null);
    else {
      if (ends !== null && cum !== null) {
        log.ends = ends;
        log.cum = cum;
      }
      log.n = logged;
      n = _o200kPass(text, p, cut, pieces, regexEnd, log, 0, total); // logs the pieces of a long segment
      logged = log.n - 1; // its end is logged below
      ends = log.ends;
      cum = log.cum;
    }
    total += n;
    if (ends !== null && cum !== null) {
      if (logged === ends.length) {
        const grown = _growLog(ends, cum, logged);
        ends = grown.ends;
        cum = grown.cum;
      }
      ends[logged] = cut;
      cum[logged] = total;
      logged++;
    }
    p = cut;
    if (cut === to) break;
  }
  if (log !== null && ends !== null && cum !== null) {
    log.ends = ends;
    log.cum = cum;
    log.n = logged;
  }
  return total;
}
