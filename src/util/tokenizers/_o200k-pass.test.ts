import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { _o200kSegmentPass } from './_o200k-segment-pass.js';
import { _o200kEnd, _o200kPass, type _PieceLog } from './_o200k-pass.js';
import { _pieceTable } from './_piece-table.js';
import { _segmentTable } from './_segment-table.js';

const require = createRequire(import.meta.url);
const o200k = require('gpt-tokenizer/encoding/o200k_base') as { encode(t: string): number[]; default: { bytePairEncodingCoreProcessor: { tokenSplitRegex: RegExp } } };
const splitRegex = o200k.default.bytePairEncodingCoreProcessor.tokenSplitRegex;
const sticky = new RegExp(splitRegex.source, 'guy');
const regexEnd = (text: string, p: number) => {
  sticky.lastIndex = p;
  const m = sticky.exec(text);
  return m === null || m[0].length === 0 ? p + 1 : p + m[0].length;
};
const parts = ['a', 'a '.repeat(40), 'x'.repeat(70), '\n/', ' \n\n', '\r', 'Z', 'HTTPServer', "don't", "I'LL", "'re", "'", '1234567', ' ', '  ', '\t', '\n', '\r\n', ' \n ', '.', '...', '/', '//\n', '(x', ' (', '#', 'é', '😀', '中', '\u00a0', '\u0301', '٣', ' word', 'Word', ',', 'e.g.'];
const textArb = fc.oneof(fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary-ascii', maxLength: 60 }));
const rangeArb = textArb.chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)).map(([t, x, y]) => [t, Math.min(x, y), Math.max(x, y)] as const));

describe('_o200kEnd', () => {
  it('agrees with the o200k_base regex at every piece of a range, or defers (-1)', () => {
    fc.assert(
      fc.property(rangeArb, ([text, a, b]) => {
        const sub = text.slice(a, b);
        let deferred = 0;
        for (const m of sub.matchAll(new RegExp(splitRegex.source, 'gu'))) {
          const e = _o200kEnd(text, a + m.index, b);
          if (e === -1) deferred++;
          else assert.equal(e - a, m.index + m[0].length, `piece ${JSON.stringify(m[0])} at ${m.index} of ${JSON.stringify(sub)}`);
        }
        if (/^[\x00-\x7f]*$/.test(sub)) assert.equal(deferred, 0, 'ASCII never defers');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('_o200kPass', () => {
  it('counts a range exactly as gpt-tokenizer counts its slice, and logs the regex pieces with running totals', () => {
    const table = _pieceTable((piece) => o200k.encode(piece).length, 6); // a small table: resets are exercised too
    fc.assert(
      fc.property(rangeArb, ([text, a, b]) => {
        const sub = text.slice(a, b);
        assert.equal(_o200kPass(text, a, b, table, regexEnd, null), o200k.encode(sub).length);
        const log: _PieceLog = { ends: new Int32Array(1), cum: new Int32Array(1), n: 0 };
        const total = _o200kPass(sub, 0, sub.length, table, regexEnd, log);
        const ends = [...sub.matchAll(new RegExp(splitRegex.source, 'gu'))].map((m) => m.index + m[0].length);
        assert.deepEqual([...log.ends.subarray(0, log.n)], ends);
        assert.equal(log.n === 0 ? 0 : log.cum[log.n - 1], total);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('_o200kSegmentPass over bytes (pure ASCII)', () => {
  it('counts a pure-ASCII text as gpt-tokenizer does, logging piece ends with running totals', () => {
    const table = _pieceTable((piece) => o200k.encode(piece).length, 6);
    const segments = _segmentTable(8, 4, 6);
    const asciiArb = fc.oneof(
      fc.array(fc.constantFrom(...parts.filter((p) => /^[\x00-\x7f]*$/.test(p))), { maxLength: 40 }).map((a) => a.join('')),
      fc.string({ unit: 'binary-ascii', maxLength: 60 }),
    );
    fc.assert(
      fc.property(asciiArb, (text) => {
        const bytes = new Uint8Array(text.length + 8).fill(32); // spaces after the text must not matter
        new TextEncoder().encodeInto(text, bytes);
        const log: _PieceLog = { ends: new Int32Array(1), cum: new Int32Array(1), n: 0 };
        const total = _o200kSegmentPass(text, bytes, null, new DataView(bytes.buffer), segments, table, regexEnd, log);
        assert.equal(total, o200k.encode(text).length);
        // Every logged end is a piece end, with the count of the pieces before it (the rest tokenizes alone).
        const ends = new Set([...text.matchAll(new RegExp(splitRegex.source, 'gu'))].map((m) => m.index + m[0].length));
        for (let k = 0; k < log.n; k++) {
          const end = log.ends[k] as number;
          assert.ok(ends.has(end), `logged end ${end} is a piece end of ${JSON.stringify(text)}`);
          assert.equal(log.cum[k], total - o200k.encode(text.slice(end)).length);
        }
        assert.equal(log.n === 0 ? 0 : log.ends[log.n - 1], text.length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('_o200kSegmentPass over UTF-16 units', () => {
  it('counts any text as gpt-tokenizer does, logging piece ends with running totals', () => {
    const table = _pieceTable((piece) => o200k.encode(piece).length, 6);
    const segments = _segmentTable(4, 4, 6);
    const wideParts = [...parts, '\u3000', '\u2028', ' \u00a0 ', '\u00a0 x', '\n\u00a0', 'caf\u00e9 ', '\u2019s ', '\u2014', '\ud83d\ude00 ', 'x'.repeat(70) + '\u00e9'];
    const anyArb = fc.oneof(
      fc.array(fc.constantFrom(...wideParts), { maxLength: 40 }).map((a) => a.join('')),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(anyArb, (text) => {
        const units = new Uint16Array(text.length + 3).fill(32); // spaces after the text must not matter
        for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
        const log: _PieceLog = { ends: new Int32Array(1), cum: new Int32Array(1), n: 0 };
        const total = _o200kSegmentPass(text, null, units, new DataView(units.buffer), segments, table, regexEnd, log);
        assert.equal(total, o200k.encode(text).length);
        const ends = new Set([...text.matchAll(new RegExp(splitRegex.source, 'gu'))].map((m) => m.index + m[0].length));
        for (let k = 0; k < log.n; k++) {
          const end = log.ends[k] as number;
          assert.ok(ends.has(end), `logged end ${end} is a piece end of ${JSON.stringify(text)}`);
          assert.equal(log.cum[k], total - o200k.encode(text.slice(end)).length);
        }
        assert.equal(log.n === 0 ? 0 : log.ends[log.n - 1], text.length);
      }),
      { numRuns: 3000 },
    );
  });
});
