import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeText } from './normalize-text.js';

test('strips the BOM, unifies line ends and trims', () => {
  assert.equal(normalizeText('\uFEFF  Hello\r\nworld\rnext  \n'), 'Hello\nworld\nnext');
});

test('removes trailing whitespace on every line but keeps indentation', () => {
  assert.equal(normalizeText('a \t\n  b\u00a0\n    code  '), 'a\n  b\n    code');
});

test('collapses runs of blank lines to a single blank line', () => {
  assert.equal(normalizeText('a\n\n\n\nb\n \n\t\n\nc\n\nd'), 'a\n\nb\n\nc\n\nd');
});

test('composes to NFC', () => {
  assert.equal(normalizeText('Cafe\u0301'), 'Caf\u00e9');
});

test('is idempotent and leaves no CR, trailing spaces or triple newlines', () => {
  const chars = fc.constantFrom('a', 'é', 'e\u0301', ' ', '\t', '\n', '\r', '\r\n', '\uFEFF', '\u00a0', 'x');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 40 }).map((parts) => parts.join('')), (input) => {
      const once = normalizeText(input);
      assert.equal(normalizeText(once), once);
      assert.ok(!once.includes('\r'));
      assert.ok(!/[^\S\n]\n/.test(once));
      assert.ok(!once.includes('\n\n\n'));
      assert.equal(once, once.trim());
    }),
  );
});
