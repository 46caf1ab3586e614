import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnswerSource } from '../spec/answer.js';
import { isDeclined } from './abstain.js';
import { lexicalSupport } from './lexical-support.js';
import { parseCitations } from './parse-citations.js';
import { verifyCitations } from './verify-citations.js';
import { createMockChatModel, type MockChatModelOptions } from '../testing/mock-chat-model.js';

const scriptedChatModel = (reply: MockChatModelOptions['reply']) => createMockChatModel({ reply, provider: 'scripted', modelId: 'test', usage: { inputTokens: 100, outputTokens: 20 } });

const sources: AnswerSource[] = [
  { n: 1, title: 'Refunds', chunkId: 'v1:0', documentId: 'refunds.md', start: 10, end: 90, text: 'Enterprise customers may cancel within the first 30 days and receive a full refund.' },
  { n: 2, title: 'Pricing', chunkId: 'v2:3', documentId: 'pricing.md', start: 0, end: 60, text: 'Enterprise costs $54 per seat per month with a minimum of 20 seats.' },
];

describe('parseCitations', () => {
  it('parses [n], [n, m] and [n][m] and assigns trailing markers to their sentence', () => {
    const { markers, sentences } = parseCitations('Full refund in 30 days [1]. It costs $54 [1, 2]. Minimum 20 seats.[2][3] Done.');
    assert.deepEqual(markers.map((m) => m.n), [1, 1, 2, 2, 3]);
    assert.deepEqual(sentences.map((s) => s.cites), [[1], [1, 2], [2, 3], []]);
    assert.equal(markers[4]!.sentence, 'Minimum 20 seats.[2][3]');
  });
});

describe('lexicalSupport', () => {
  it('is the share of content terms present, numbers matched exactly', () => {
    assert.equal(lexicalSupport('Enterprise customers get a full refund within 30 days.', sources[0]!.text).numbersMatch, true);
    const wrong = lexicalSupport('Enterprise costs $49 per seat.', sources[1]!.text);
    assert.equal(wrong.numbersMatch, false);
    assert.ok(wrong.support < 1);
  });
});

describe('verifyCitations', () => {
  it('maps citations to chunk, document and offsets; a supported claim passes', async () => {
    const r = await verifyCitations({ text: 'Enterprise customers can cancel in the first 30 days for a full refund [1].', sources });
    assert.equal(r.citations.length, 1);
    const c = r.citations[0]!;
    assert.deepEqual([c.valid, c.supported, c.chunkId, c.documentId, c.start, c.end, c.verifier], [true, true, 'v1:0', 'refunds.md', 10, 90, 'lexical']);
    assert.equal(r.unsupportedClaims.length, 0);
  });

  it('flags an unsupported claim (wrong number) and an uncited factual sentence', async () => {
    const r = await verifyCitations({ text: 'Enterprise costs $49 per seat per month [2]. The CEO founded the company in Berlin in 2011.', sources });
    assert.equal(r.citations[0]!.supported, false);
    assert.deepEqual(r.unsupportedClaims.map((u) => u.cited), [true, false]);
  });

  it('removes citations to sources that were never provided (valid: false), or marks them', async () => {
    const r = await verifyCitations({ text: 'Enterprise costs $54 per seat per month [2][7].', sources });
    assert.equal(r.text, 'Enterprise costs $54 per seat per month [2].');
    assert.deepEqual(r.citations.map((c) => [c.n, c.valid]), [[2, true], [7, false]]);
    const marked = await verifyCitations({ text: 'Enterprise costs $54 per seat [7].', sources, invalid: 'mark' });
    assert.equal(marked.text, 'Enterprise costs $54 per seat [7].');
    assert.equal(marked.citations[0]!.valid, false);
  });

  it('uses a judge model with a JSON-schema verdict', async () => {
    const judge = scriptedChatModel((call) => (call.messages[1]!.content.includes('$49') ? '{"verdict":"unsupported","reason":"price differs"}' : '{"verdict":"supported","reason":"stated"}'));
    const r = await verifyCitations({ text: 'Enterprise costs $54 per seat [2]. Enterprise costs $49 per seat [2].', sources, method: 'judge', judge });
    assert.deepEqual(r.citations.map((c) => [c.supported, c.verifier]), [[true, 'judge'], [false, 'judge']]);
    assert.equal(judge.calls.length, 2);
    assert.equal(judge.calls[0]!.responseFormat?.type, 'json');
    assert.deepEqual((judge.calls[0]!.responseFormat?.schema as { required: string[] }).required, ['verdict', 'reason']);
    assert.equal(r.usage.inputTokens, 200);
  });
});

describe('isDeclined', () => {
  it('recognises the abstention text and typical declines, not answers', () => {
    assert.equal(isDeclined("I don't know based on the provided documents."), true);
    assert.equal(isDeclined('The sources do not contain information about the CEO.'), true);
    assert.equal(isDeclined("I don't know."), true);
    assert.equal(isDeclined('Nope.', 'Nope'), true);
    assert.equal(isDeclined('Enterprise costs $54 per seat [1].'), false);
  });
});
