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

test('removes terminal escape sequences and C0/C1 controls, keeping newlines and tabs', () => {
  const input = 'red \x1b[31mALERT\x1b[0m done\x1b]0;pwned title\x07 and \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ a\x00b\x07c\x7fd\x85e\x9bf\tg\fh\vi';
  const out = normalizeText(input);
  assert.equal(out, 'red ALERT done and link abcdef\tg\nh\ni');
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(out));
});

test('lone surrogates become U+FFFD; valid pairs are kept', () => {
  assert.equal(normalizeText('a\ud800b\udc00c \ud83d\ude00'), 'a\ufffdb\ufffdc \ud83d\ude00');
});

test('stays idempotent on escape sequences, controls and surrogates', () => {
  const chars = fc.constantFrom('a', '\x1b', '[', ']', '3', '1', 'm', ';', '\x07', '\\', '\x00', '\x85', '\ud800', '\udc00', ' ', '\n', '\t');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 40 }).map((parts) => parts.join('')), (input) => {
      const once = normalizeText(input);
      assert.equal(normalizeText(once), once);
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(once));
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(once));
    }),
  );
});
