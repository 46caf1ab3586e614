import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from './sentences.js';

const texts = (text: string, start?: number, end?: number) => splitSentences(text, start, end).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  it('splits plain sentences and keeps exact, trimmed offsets', () => {
    const text = 'Refunds take 30 days. Enterprise plans differ!  Why? Ask us.';
    assert.deepEqual(texts(text), ['Refunds take 30 days.', 'Enterprise plans differ!', 'Why?', 'Ask us.']);
  });

  it('does not break on abbreviations, initials, decimals or versions', () => {
    const text = 'See e.g. Dr. Smith in the U.S. Army. Version 1.2.3 costs $3.50 per seat. J. R. Tolkien wrote it.';
    assert.deepEqual(texts(text), ['See e.g. Dr. Smith in the U.S. Army.', 'Version 1.2.3 costs $3.50 per seat.', 'J. R. Tolkien wrote it.']);
  });

  it('does not break before a lower-case continuation', () => {
    assert.deepEqual(texts('It costs approx. five dollars... or less. Done.'), ['It costs approx. five dollars... or less.', 'Done.']);
  });

  it('keeps quotes and brackets with their sentence', () => {
    assert.deepEqual(texts('He said "stop." Then he left. (It was late.) Next.'), ['He said "stop."', 'Then he left.', '(It was late.)', 'Next.']);
  });

  it('makes headings, list items and table rows their own units, but joins hard-wrapped lines', () => {
    const text = '# Pricing\nPlans are billed\nmonthly. Cancel anytime\n\n- first item\n- second item. Two sentences\n| a | b |\n| 1. x | 2 |';
    assert.deepEqual(texts(text), ['# Pricing', 'Plans are billed\nmonthly.', 'Cancel anytime', '- first item', '- second item.', 'Two sentences', '| a | b |', '| 1. x | 2 |']);
  });

  it('splits after CJK full stops without spaces', () => {
    assert.deepEqual(texts('这是第一句。这是第二句！好吗？'), ['这是第一句。', '这是第二句！', '好吗？']);
  });

  it('respects start and end', () => {
    const text = 'Skip this. Take this one. And this. Not this.';
    assert.deepEqual(texts(text, 11, 35), ['Take this one.', 'And this.']);
  });

  it('property: spans are ordered, trimmed, within range, and cover every non-space character', () => {
    const parts = ['Word', ' ', 'word', '. ', '! ', '? ', '\n', '\n\n', 'e.g. ', 'Dr. ', '3.14', '# ', '- ', '| ', '😀', '中文。', '"', ')', '...', 'U.S. '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 50 }), fc.nat(), fc.nat(), (arr, x, y) => {
        const text = arr.join('');
        const a = Math.min(x, y) % (text.length + 1);
        const b = Math.max(a, Math.max(x, y) % (text.length + 1));
        const spans = splitSentences(text, a, b);
        let prev = a;
        let covered = '';
        for (const [s, e] of spans) {
          assert.ok(s >= prev && e > s && e <= b);
          assert.equal(text.slice(s, e), text.slice(s, e).trim());
          assert.equal(text.slice(prev, s).trim(), '', 'only whitespace between sentences');
          covered += text.slice(s, e);
          prev = e;
        }
        assert.equal(text.slice(prev, b).trim(), '');
        assert.equal(covered.replace(/\s/g, ''), text.slice(a, b).replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
