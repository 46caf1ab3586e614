import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createGptTokenizer } from './gpt-tokenizer.js';
import { _heapMerge } from './_heap-merge.js';

const require = createRequire(import.meta.url);
interface Core {
  bytePairMerge(bytes: Uint8Array): number[];
  getBpeRankFromBytes(bytes: Uint8Array): number | undefined;
}
const core = (encoding: string) => (require(`gpt-tokenizer/encoding/${encoding}`) as { default: { bytePairEncodingCoreProcessor: Core } }).default.bytePairEncodingCoreProcessor;

describe('_heapMerge: the same merges as the textbook BPE loop, in O(n log n)', () => {
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    it(`matches gpt-tokenizer's bytePairMerge on long single pre-tokens (${encoding})`, () => {
      const c = core(encoding);
      const alphabet = fc.constantFrom('ACGT', 'abcdef', 'abcdefghijklmnopqrstuvwxyz', 'éàüßøкир', '日本語中文', '-=+*#@!/', 'aAbBzZ');
      fc.assert(
        fc.property(alphabet, fc.array(fc.nat(), { minLength: 1, maxLength: 700 }), (letters, picks) => {
          const chars = [...letters];
          const bytes = new TextEncoder().encode(picks.map((p) => chars[p % chars.length]).join(''));
          assert.deepEqual(_heapMerge(bytes, (b) => c.getBpeRankFromBytes(b)), c.bytePairMerge(bytes));
        }),
        { numRuns: 150 },
      );
    });
  }

  // C3: one 200 KB pre-token took 21 s (800 KB over 240 s) in the quadratic loop.
  it('counts, encodes and prepares an 800 KB run without whitespace (DNA) to completion', { timeout: 60_000 }, () => {
    const tok = createGptTokenizer();
    const dna = 'ACGT'.repeat(200_000);
    const count = tok.count(dna);
    assert.equal(count, 400_000);
    const { ids, offsets } = tok.encode(dna);
    assert.equal(ids.length, count);
    assert.deepEqual(offsets.at(-1), [dna.length - 2, dna.length]);
    assert.equal(tok.prepare!(dna).count(0, dna.length), count);
  });
});
