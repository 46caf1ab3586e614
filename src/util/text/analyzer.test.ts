import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, tokenize } from './analyzer.js';

describe('tokenize (StandardTokenizer-like)', () => {
  it('splits on non-word characters and keeps in-word punctuation', () => {
    assert.deepEqual(tokenize("Dog's bone can't cost $1,000.50 in the U.S.A. (e.g. COVID-19)"), [
      "Dog's", 'bone', "can't", 'cost', '1,000.50', 'in', 'the', 'U.S.A', 'e.g', 'COVID', '19',
    ]);
  });
  it('handles accents, digits-in-words, CJK and long tokens', () => {
    assert.deepEqual(tokenize('naïve café 3D x_y 日本'), ['naïve', 'café', '3D', 'x_y', '日', '本']);
    assert.deepEqual(tokenize('a'.repeat(300)).map((t) => t.length), [255, 45]);
    assert.deepEqual(tokenize('end. 2.'), ['end', '2']);
  });
});

describe('analyze (EnglishAnalyzer-like)', () => {
  it('removes possessives and stop words, lowercases and Porter-stems', () => {
    assert.deepEqual(analyze("The Dog's RUNNING into the generalization of relational databases"), ['dog', 'run', 'gener', 'relat', 'databas']);
  });
  it('drops every Lucene English stop word', () => {
    assert.deepEqual(analyze('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'), []);
  });
  it('follows Porter (1980) as Lucene does', () => {
    const cases: Record<string, string> = { caresses: 'caress', ponies: 'poni', agreed: 'agre', hopping: 'hop', happy: 'happi', sensibility: 'sensibl', formality: 'formal', electrical: 'electr', adjustment: 'adjust', analogous: 'analog' };
    for (const [word, stem] of Object.entries(cases)) assert.deepEqual(analyze(word), [stem], word);
  });
  it('can keep stop words and skip stemming', () => {
    assert.deepEqual(analyze('The Running', { stopWords: new Set(), stem: false }), ['the', 'running']);
  });
});
