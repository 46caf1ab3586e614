import { _growLog, _o200kPass, type _PieceLog, type _RegexEnd } from './_o200k-pass.js';
import type { _PieceTable } from './_piece-table.js';
import { _MAX_SEGMENT, _segmentGetUnits, _segmentSet, type _SegmentTable } from './_segment-table.js';
import { _isSpaceAt } from './_whitespace.js';

/** ASCII whitespace as the pre-tokenizer regex's `\s` sees it: \t \n \v \f \r and space. */
const WS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) WS[c] = 1;

/** True when the unit at `i` is not `\s` (non-ASCII units are asked of the regex). */
function _nonSpace(text: string, units: Uint16Array, i: number): boolean {
  const u = units[i] as number;
  return u < 128 ? WS[u] === 0 : !_isSpaceAt(text, i);
}

/**
 * The segment pass of `_o200k-ascii.ts` for any text, over its UTF-16 units (`units[i]` is
 * `text.charCodeAt(i)`; `view` reads them two at a time). The segment rules hold for any text: a cut falls
 * before a space that follows a non-space, or after `\n`/`\r` when a non-space other than `/` follows, where
 * "space" is the regex's `\s` (non-ASCII whitespace such as U+00A0 included); a cut never splits a surrogate
 * pair. Memo keys pack the last four units. Same results as `_o200kPass(text, 0, text.length, …)`.
 */
export function _o200kUtf16Pass(text: string, units: Uint16Array, view: DataView, segments: _SegmentTable, pieces: _PieceTable, regexEnd: _RegexEnd, log: _PieceLog | null): number {
  const to = text.length;
  let total = 0;
  let p = 0; // segment start
  let i = 0;
  let ends = log === null ? null : log.ends;
  let cum = log === null ? null : log.cum;
  let logged = log === null ? 0 : log.n;
  for (;;) {
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
    let cut = to;
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
    const len = cut - p;
    let n = -1;
    if (len <= _MAX_SEGMENT) {
      // The key: the last four units (k0 the last two, k1 the two before; zero before the segment).
      const k0 = (len >= 2 ? (units[cut - 2] as number) : 0) | ((units[cut - 1] as number) << 16);
      const k1 = len >= 4 ? (units[cut - 4] as number) | ((units[cut - 3] as number) << 16) : len === 3 ? (units[cut - 3] as number) << 16 : 0;
      n = _segmentGetUnits(segments, units, p, cut, k0, k1);
      if (n < 0) {
        n = _o200kPass(text, p, cut, pieces, regexEnd, null);
        _segmentSet(segments, units, p, cut, k0, k1, n);
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
