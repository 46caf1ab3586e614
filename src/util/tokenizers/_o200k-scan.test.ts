import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { _o200kPieceEnd } from './_o200k-scan.js';

const require = createRequire(import.meta.url);
const core = (require('gpt-tokenizer/encoding/o200k_base') as { default: { bytePairEncodingCoreProcessor: { tokenSplitRegex: RegExp } } }).default.bytePairEncodingCoreProcessor;

describe('_o200kPieceEnd', () => {
  it('agrees with the o200k_base regex at every piece, or defers (-1)', () => {
    const parts = ['a', 'Z', 'HTTPServer', "don't", "I'LL", "'re", '1234567', ' ', '  ', '\t', '\n', '\r\n', ' \n ', '.', '...', '/', '//\n', '(x', ' (', '#', 'é', '😀', '中', '\u00a0', '\u0301', '٣'];
    const textArb = fc.oneof(fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary-ascii', maxLength: 60 }));
    fc.assert(
      fc.property(textArb, (text) => {
        const re = new RegExp(core.tokenSplitRegex.source, 'gu');
        let deferred = 0;
        for (const m of text.matchAll(re)) {
          const e = _o200kPieceEnd(text, m.index);
          if (e === -1) deferred++;
          else assert.equal(e, m.index + m[0].length, `piece ${JSON.stringify(m[0])} at ${m.index} of ${JSON.stringify(text)}`);
        }
        if (/^[\x00-\x7f]*$/.test(text)) assert.equal(deferred, 0, 'ASCII never defers');
      }),
      { numRuns: 2000 },
    );
  });
});
