import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indexText } from './index-text.js';

const draft = (text: string, headingPath: string[] = []) => ({ text, start: 0, end: text.length, headingPath, tokenCount: 1, role: 'leaf' as const });

describe('indexText', () => {
  it('indexes title + text even when the text starts with the title (Wikipedia-style passages)', () => {
    assert.equal(indexText({ title: 'Albert Einstein', draft: draft('Albert Einstein was a physicist.') }), 'Albert Einstein\nAlbert Einstein was a physicist.');
  });
  it('does not repeat a heading the text already starts with, and indexes nothing for parents', () => {
    assert.equal(indexText({ title: 'Guide', draft: draft('Pricing\nEnterprise costs $54.', ['Pricing']) }), 'Guide\nPricing\nEnterprise costs $54.');
    assert.equal(indexText({ title: 'Guide', draft: { ...draft('x'), role: 'parent' as const } }), '');
  });
});
