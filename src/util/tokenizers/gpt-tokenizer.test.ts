import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createGptTokenizer } from './gpt-tokenizer.js';
import { FathomError } from '../errors.js';

const require = createRequire(import.meta.url);
const ranks = {
  o200k_base: require('gpt-tokenizer/bpeRanks/o200k_base').default as Array<string | number[]>,
  cl100k_base: require('gpt-tokenizer/bpeRanks/cl100k_base').default as Array<string | number[]>,
};
const byteLength = (v: string | number[] | undefined) => (typeof v === 'string' ? Buffer.byteLength(v) : (v?.length ?? 0));
const plain = {
  o200k_base: require('gpt-tokenizer/encoding/o200k_base') as { encode(t: string): number[]; decode(ids: number[]): string },
  cl100k_base: require('gpt-tokenizer/encoding/cl100k_base') as { encode(t: string): number[]; decode(ids: number[]): string },
};

const pieces = ['the', ' The', 'quick', ' ', '  ', '\n', '\n\n', '\t', '.', ',', '!?', "'s", "don't", '123', '4567', 'e.g.', 'U.S.', '#', '## ', '- ', '|', '```', '😀', '👩‍💻', '中文', '日本語です', 'é', 'naïve', 'ÅNGSTRÖM', 'HTTPServer', '/path/to', '  \n ', '3.14'];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
  describe(`createGptTokenizer(${encoding})`, () => {
    const tok = createGptTokenizer({ encoding });
    const ref = plain[encoding];

    it('counts and encodes exactly like gpt-tokenizer, memo or not', () => {
      fc.assert(
        fc.property(textArb, (text) => {
          const expected = ref.encode(text);
          assert.equal(tok.count(text), expected.length);
          assert.equal(tok.count(text), expected.length, 'second (memoised) count');
          assert.deepEqual(tok.encode(text).ids, expected);
        }),
        { numRuns: 300 },
      );
    });

    it('gives ordered, non-overlapping offsets that decode to their text', () => {
      fc.assert(
        fc.property(textArb, (text) => {
          const { ids, offsets } = tok.encode(text);
          assert.equal(offsets.length, ids.length);
          let prev = 0;
          for (const [s, e] of offsets) {
            assert.ok(s >= prev && e >= s && e <= text.length, `bad offset [${s}, ${e}) after ${prev}`);
            prev = e;
          }
          if (ids.length > 0) assert.equal(prev, text.length, 'offsets cover the text');
          // Byte accounting: a token starts no later and ends no earlier than its bytes (widening only).
          let bytes = 0;
          for (let i = 0; i < ids.length; i++) {
            const [s, e] = offsets[i] as [number, number];
            assert.ok(Buffer.byteLength(text.slice(0, s)) <= bytes || s === (offsets[i - 1]?.[1] ?? 0), 'start after its first byte');
            bytes += byteLength(ranks[encoding][ids[i] as number]);
            assert.ok(Buffer.byteLength(text.slice(0, e)) >= bytes, 'end before its last byte');
            if (/^[\x00-\x7f]*$/.test(text)) assert.equal(text.slice(s, e), ref.decode([ids[i] as number]));
          }
          assert.equal(bytes, Buffer.byteLength(text));
        }),
        { numRuns: 200 },
      );
    });

    it('prepare().count(a, b) equals count(slice(a, b)) for any range', () => {
      fc.assert(
        fc.property(textArb, fc.nat(), fc.nat(), (text, x, y) => {
          const prepared = tok.prepare!(text);
          const a = x % (text.length + 1);
          const b = y % (text.length + 1);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          assert.equal(prepared.count(lo, hi), tok.count(text.slice(lo, hi)), `range [${lo}, ${hi}) of ${JSON.stringify(text)}`);
        }),
        { numRuns: 1500 },
      );
    });
  });
}

describe('createGptTokenizer', () => {
  it('counts long ASCII documents exactly, and their ranges (segment memo, tails, long segments)', () => {
    const tok = createGptTokenizer();
    const ref = plain.o200k_base;
    const words = ['the', 'The', 'pricing', 'e.g.', "don't", '3.14', '$1,200', '(see', 'below).', '/path/to', '--', 'x'.repeat(80), '\t', 'HTTPServer', '#', '-', '|'];
    const seps = [' ', ' ', ' ', '  ', '\n', '\n\n', '\n/', ' \n ', '\r\n', '\t'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 50, maxLength: 400 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }), (parts, ranges) => {
        const text = parts.map(([w, sep]) => w + sep).join('');
        assert.equal(tok.count(text), ref.encode(text).length);
        const prepared = tok.prepare!(text);
        for (const [x, y] of ranges) {
          const a = x % (text.length + 1);
          const b = y % (text.length + 1);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          assert.equal(prepared.count(lo, hi), ref.encode(text.slice(lo, hi)).length, `range [${lo}, ${hi})`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reports its encoding in the id and counts a known sentence', () => {
    const tok = createGptTokenizer();
    assert.equal(tok.id, 'gpt-tokenizer:o200k_base');
    assert.equal(tok.count('hello world'), 2);
    assert.deepEqual(tok.encode('hello world').offsets, [[0, 5], [5, 11]]);
  });

  it('widens a token that covers part of an emoji, without overlap', () => {
    const tok = createGptTokenizer();
    const text = '🦜🦜';
    const { offsets } = tok.encode(text);
    assert.ok(offsets.length >= 2);
    for (const [s, e] of offsets) assert.ok(s % 2 === 0 && e % 2 === 0, 'never splits a surrogate pair');
    assert.equal(offsets.at(-1)?.[1], text.length);
  });
});

it('an unknown encoding is a user error naming the encodings, not "install gpt-tokenizer"', () => {
  assert.throws(() => createGptTokenizer({ encoding: 'bogus' as never }).count('x'), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT' && /Unknown tokenizer encoding 'bogus': use one of o200k_base, cl100k_base/.test(e.message) && !/npm install/.test(e.message));
});
