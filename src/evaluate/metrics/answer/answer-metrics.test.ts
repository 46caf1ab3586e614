import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeAnswer } from '../../__fixtures__/answers.js';
import type { Citation } from '../../../spec/answer.js';
import {
  abstention, answerContainment, answerRelevance, citationPrecision, citationRecall, constraintAdherence, contextUtilisation,
  exactMatch, faithfulness, formatConsistency, normalizeAnswer, tokenF1,
} from './index.js';

const cite = (p: Partial<Citation>): Citation => ({ n: 1, valid: true, sentence: 's', sentenceStart: 0, sentenceEnd: 1, support: 1, supported: true, verifier: 'lexical', ...p });

describe('SQuAD answer metrics', () => {
  it('normalises like the official script, with punctuation as a token separator', () => {
    assert.equal(normalizeAnswer('The  $54, per-seat!'), '54 per seat');
    assert.equal(normalizeAnswer('An apple a day'), 'apple day');
  });
  it('keeps a Markdown link\'s text, drops its target, and never glues a URL into one token', () => {
    assert.equal(normalizeAnswer('Use [httpx](https://www.python-httpx.org) instead [2].'), 'use httpx instead');
    assert.equal(answerContainment({ prediction: 'Use [httpx](https://www.python-httpx.org) for async.', references: ['httpx'] }), 1);
    assert.equal(answerContainment({ prediction: 'see https://www.python-httpx.org', references: ['python httpx org'] }), 1);
    assert.equal(exactMatch({ prediction: 'state-of-the-art', references: ['state of the art'] }), 1);
  });
  it('exact match over any reference; empty references mean no-answer', () => {
    assert.equal(exactMatch({ prediction: 'the Frankfurt', references: ['Ohio', 'frankfurt'] }), 1);
    assert.equal(exactMatch({ prediction: 'Frankfurt, Germany', references: ['Frankfurt'] }), 0);
    assert.equal(exactMatch({ prediction: '', references: [] }), 1);
  });
  it('token F1 by hand: pred "54 dollars per seat", gold "54 per seat per month"', () => {
    // pred tokens 4, gold 5, shared {54, per, seat} = 3 → P 3/4, R 3/5, F1 = 2·0.75·0.6/1.35 = 0.6667
    assert.ok(Math.abs(tokenF1({ prediction: '54 dollars per seat', references: ['54 per seat per month'] }) - 2 / 3) < 1e-12);
    assert.equal(tokenF1({ prediction: 'x', references: ['y', 'x'] }), 1);
    assert.equal(tokenF1({ prediction: 'something', references: [] }), 0);
  });
  it('containment needs whole tokens', () => {
    assert.equal(answerContainment({ prediction: 'It is 99.95% monthly.', references: ['99.95%'] }), 1);
    assert.equal(answerContainment({ prediction: 'It is 99.95% monthly.', references: ['99.9%'] }), 0);
    assert.equal(answerContainment({ prediction: 'anything', references: [] }), 0);
  });
});

describe('grounding metrics', () => {
  it('faithfulness = supported claims / claims', () => {
    const r = faithfulness({
      answer: 'Backups are kept for 35 days [1]. The office is in Paris.',
      passages: ['Encrypted backups are kept for 35 days in a second region.'],
    });
    assert.equal(r.claims.length, 2);
    assert.equal(r.score, 0.5);
    assert.equal(faithfulness({ answer: 'x y', passages: [] }).score, undefined);
  });
  it('answer relevance = question terms the answer mentions', () => {
    // question terms: enterpris, sla → answer mentions sla only
    assert.equal(answerRelevance({ question: 'What is the Enterprise SLA?', answer: 'The SLA is 99.95%.' }), 0.5);
    assert.equal(answerRelevance({ question: 'the?', answer: 'yes' }), undefined);
  });
  it('context utilisation counts cited or supporting sources', () => {
    const src = (n: number, text: string) => ({ n, title: `t${n}`, text });
    const answer = fakeAnswer({
      text: 'Backups are kept 35 days. SSO uses SAML [2].',
      sources: [src(1, 'backups are kept 35 days'), src(2, 'unrelated words'), src(3, 'pricing table')],
      citations: [cite({ n: 2 })],
    });
    assert.equal(contextUtilisation({ answer }), 2 / 3);
    assert.equal(contextUtilisation({ answer: { ...answer, abstained: true } }), undefined);
  });
});

describe('citation metrics', () => {
  it('precision = valid and supported / citations', () => {
    assert.equal(citationPrecision({ citations: [cite({}), cite({ supported: false }), cite({ valid: false }), cite({})] }), 0.5);
    assert.equal(citationPrecision({ citations: [] }), undefined);
  });
  it('recall matches documents, chunks and overlapping spans', () => {
    const citations = [cite({ documentId: 'sla.md', start: 100, end: 200 }), cite({ chunkId: 'v1:3', documentId: 'faq.md' }), cite({ valid: false, documentId: 'x.md' })];
    assert.equal(citationRecall({ citations, expected: [{ documentId: 'sla.md', start: 150, end: 400 }, { chunkId: 'v1:3' }, { documentId: 'x.md' }, { documentId: 'sla.md', start: 0, end: 50 }] }), 0.5);
    assert.equal(citationRecall({ citations, expected: [] }), undefined);
  });
});

describe('abstention', () => {
  it('precision and recall with unanswerable as the positive class', () => {
    const r = abstention({ items: [
      { answerable: false, abstained: true }, { answerable: false, abstained: false },
      { answerable: true, abstained: true }, { answerable: true, abstained: false }, { answerable: false, abstained: true },
    ] });
    assert.deepEqual(r, { precision: 2 / 3, recall: 2 / 3 });
    assert.deepEqual(abstention({ items: [{ answerable: true, abstained: false }] }), { precision: undefined, recall: undefined });
  });
});

describe('format and constraints', () => {
  const schema = { type: 'object', required: ['plan', 'price'], properties: { plan: { type: 'string' }, price: { type: 'number' } } };
  it('format consistency validates JSON (fenced tolerated) against the schema', () => {
    assert.equal(formatConsistency({ text: '```json\n{"plan":"Enterprise","price":54}\n```', schema }).score, 1);
    assert.equal(formatConsistency({ text: 'Enterprise costs $54.', schema }).score, 0);
    const bad = formatConsistency({ text: '{"plan":"Enterprise"}', schema });
    assert.equal(bad.score, 0);
    assert.ok(bad.errors.some((e) => e.includes('price')));
  });
  it('constraint adherence = satisfied / declared, every type', () => {
    const item = { id: 'i', question: 'q', answers: [], sources: [], answerable: true, constraints: [
      { type: 'regex' as const, pattern: '\\$\\d+' },
      { type: 'max-length' as const, words: 3 },
      { type: 'required-fields' as const, fields: ['a.b'] },
      { type: 'forbidden-phrases' as const, phrases: ['MAYBE'] },
      { type: 'must-cite' as const },
      { type: 'predicate' as const, name: 'short' },
    ] };
    const answer = fakeAnswer({ text: 'it costs $54 maybe', json: { a: { b: 1 } } });
    const r = constraintAdherence({ item, answer, predicates: { short: ({ answer: a }) => a.text.length < 10 } });
    // regex ok, max-length fails (4 words), required ok, forbidden fails (case-insensitive), must-cite fails, predicate fails
    assert.equal(r.score, 2 / 6);
    assert.equal(r.failed.length, 4);
    assert.throws(() => constraintAdherence({ item, answer }), /predicate 'short' is not defined/);
    assert.equal(constraintAdherence({ item: { ...item, constraints: [] }, answer }).score, undefined);
  });
});

describe('json match', () => {
  it('compares fields of JSON references, allowing extra fields', async () => {
    const { jsonMatch } = await import('./json-match.js');
    const refs = ['{"plan":"Enterprise","price":54}', '$54 per seat'];
    assert.equal(jsonMatch({ prediction: { plan: 'the enterprise', price: 54, extra: true }, references: refs }), 1);
    assert.equal(jsonMatch({ prediction: '{"plan":"Enterprise","price":49}', references: refs }), 0);
    assert.equal(jsonMatch({ prediction: 'Enterprise costs $54', references: refs }), 0);
    assert.equal(jsonMatch({ prediction: {}, references: ['$54'] }), undefined);
  });
});
