import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { _PieceLog } from './_o200k-pass.js';
import { _logPiece } from './_o200k-pass.js';
import { _preparePieces, type _PieceFns } from './_prepared-pieces.js';

/** A toy pre-tokenizer (a run of letters is one piece, anything else a piece of one character, one token per character) that counts the characters its piece matcher scans. */
function toyFns(): { fns: _PieceFns; scanned: () => number } {
  let scanned = 0;
  const isLetter = (c: number) => c >= 65 && c <= 90;
  const end = (text: string, p: number, to: number) => {
    if (!isLetter(text.charCodeAt(p))) return p + 1;
    let i = p;
    while (i < to && isLetter(text.charCodeAt(i))) {
      i++;
      scanned++;
    }
    return i;
  };
  const fns: _PieceFns = {
    pass(text, from, to, log: _PieceLog | null) {
      let total = 0;
      for (let p = from; p < to; ) {
        const e = end(text, p, to);
        total += e - p;
        p = e;
        if (log) _logPiece(log, e, total);
      }
      return total;
    },
    // Honours the bound it is given; scans to the end of the text without one.
    pieceEnd: (text, p, limit) => end(text, p, limit === undefined ? text.length : Math.min(text.length, limit + 1)),
    pieceCount: (_text, a, b) => b - a,
  };
  return { fns, scanned: () => scanned };
}

describe('_preparePieces on a giant pre-token (a run with no whitespace)', () => {
  it('counts windows that start inside the run without scanning to its end each time (linear, not quadratic)', () => {
    const n = 200_000;
    const text = `${'ACGT'.repeat(n / 4)} tail`;
    const { fns, scanned } = toyFns();
    const prepared = _preparePieces(text, fns);
    const afterPass = scanned();
    let windows = 0;
    for (let a = 1; a + 2_000 < n; a += 1_000, windows++) assert.equal(prepared.count(a, a + 2_000), 2_000);
    // Each window may scan itself (and its look-ahead), never the rest of the run: ~2,000 characters per
    // window, where scanning to the run's end costs ~100,000 on average.
    assert.ok(scanned() - afterPass <= windows * 4_000, `scanned ${scanned() - afterPass} characters for ${windows} windows of 2,000`);
  });
});
