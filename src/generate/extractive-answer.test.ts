import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnswerSource } from '../spec/answer.js';
import { extractAnswerSpan } from './extract-answer-span.js';
import { extractiveAnswer } from './extractive-answer.js';

const src = (n: number, text: string, title = `Doc ${n}`): AnswerSource => ({ n, text, title });

describe('extractiveAnswer: the answer, its evidence, its citation', () => {
  it('returns the short answer span with the supporting sentence quoted and cited', () => {
    const a = extractiveAnswer({ question: 'How many days does an Enterprise customer have for a full refund?', sources: [src(1, 'Invoices are sent monthly.'), src(2, 'Within the first 30 days, an Enterprise customer may cancel and receive a full refund.')] });
    assert.match(a.span!, /^30( days)?$/);
    assert.match(a.text, /^Within the first 30 days, an Enterprise customer may cancel and receive a full refund\. \[2\]$/);
    assert.deepEqual(a.sentences.map((s) => s.n), [2], 'only the source it quotes is cited');
  });
  it('reads "how long" as asking for a duration: the adjective is not a term to match, the span keeps its unit', () => {
    const a = extractiveAnswer({ question: 'How long are backups kept?', sources: [src(1, 'Workspace data is kept for as long as the subscription is active. Backups are encrypted and retained for 35 days.')] });
    assert.equal(a.sentences[0]!.text, 'Backups are encrypted and retained for 35 days.');
    assert.equal(a.span, '35 days');
    assert.equal(extractAnswerSpan({ question: 'How far is the lake from the city?', sentence: 'The lake lies 12 km north of the city.' }), '12 km');
  });

  it('answers yes/no questions by the evidence', () => {
    const no = extractiveAnswer({ question: 'Is Tallyo HIPAA compliant?', sources: [src(1, 'HIPAA: Tallyo is not HIPAA compliant and does not sign Business Associate Agreements.')] });
    assert.equal(no.span, 'No');
    assert.match(no.text, /not HIPAA compliant.*\[1\]/);
    const yes = extractiveAnswer({ question: 'Does the Enterprise plan include SCIM provisioning?', sources: [src(1, 'SCIM 2.0 user provisioning is included in the Enterprise plan.')] });
    assert.equal(yes.span, 'Yes');
  });
  it('prefers a phrase of the asked-for type', () => {
    assert.equal(extractAnswerSpan({ question: 'Who founded the company?', sentence: 'The company was founded in 1999 by Ada Lovelace in London.' }), 'Ada Lovelace');
    assert.equal(extractAnswerSpan({ question: 'When was the company founded?', sentence: 'The company was founded in 1999 by Ada Lovelace in London.' }), '1999');
  });
  it('reads "what is the term for …" off a copular sentence: the subject of "S is a …", or the name after "is called"', () => {
    assert.equal(extractAnswerSpan({ question: 'What is the term for a mathematical model that theoretically represents a general computing machine?', sentence: 'A Turing machine is a mathematical model of a general computing machine.' }), 'Turing machine');
    assert.equal(extractAnswerSpan({ question: 'What is the Rankine cycle sometimes called?', sentence: 'The Rankine cycle is sometimes referred to as a practical Carnot cycle because, when an efficient turbine is used, the TS diagram begins to resemble the Carnot cycle.' }), 'a practical Carnot cycle');
  });
  it('finds the phrase after a cue such as "called"', () => {
    assert.equal(extractAnswerSpan({ question: 'What is the main defense mechanism of bacteria known as?', sentence: 'Bacteria use a unique defense mechanism, called the restriction modification system, to protect themselves.' }), 'restriction modification system');
  });
});

describe('extractiveAnswer: answers of other shapes', () => {
  const table = '## Rate limits\n\n| Plan | Requests per minute | Burst |\n| --- | --- | --- |\n| Team | 100 | 20 per second |\n| Business | 600 | 50 per second |\n| Enterprise | 3,000 | 100 per second |\n';
  it('a "per key" question lists every row of the table, with the value column as the unit', () => {
    const a = extractiveAnswer({ question: 'What are the API rate limits per plan?', sources: [src(1, table, 'Integrations')] });
    assert.equal(a.span, 'Team: 100 requests per minute; Business: 600 requests per minute; Enterprise: 3,000 requests per minute');
    assert.equal(a.sentences.length, 3, 'every row is quoted as evidence');
    const one = extractiveAnswer({ question: 'What is the rate limit per minute on the Enterprise plan?', sources: [src(1, table, 'Integrations')] });
    assert.equal(one.span, '3,000', 'a question naming a row is not a per-key question');
  });
  it('a table row whose key cell the question names wins, and its span is a cell, never a header', () => {
    const a = extractiveAnswer({
      question: 'Summarise the Enterprise SLA in one sentence with a citation.',
      sources: [src(1, '*Applies to the Business and Enterprise plans.*', 'Service Level Agreement (SLA)'), src(2, '| Plan | Monthly uptime commitment |\n| --- | --- |\n| Business | 99.9% |\n| Enterprise | 99.95% |\n', 'Service Level Agreement (SLA)')],
    });
    assert.match(a.text, /^Plan: Enterprise; Monthly uptime commitment: 99\.95%\. \[2\]/);
    assert.equal(a.span, '99.95%');
    const seats = extractiveAnswer({ question: 'What is the minimum number of seats for Enterprise?', sources: [src(1, '| Plan | Seats |\n| --- | --- |\n| Team | 1 or more |\n| Enterprise | minimum 20 |\n')] });
    assert.equal(seats.span, '20', "the question's own words are trimmed from the cell");
  });
  it('a question about two things answers both, in parallel positions', () => {
    const a = extractiveAnswer({ question: "Where are Tallyo's EU and US data regions?", sources: [src(1, 'Customers choose a data region: the EU region is hosted in AWS eu-central-1 (Frankfurt) and the US region in AWS us-east-2 (Ohio).')] });
    assert.equal(a.span, 'Frankfurt and Ohio');
    const b = extractiveAnswer({ question: 'How long is the audit log kept on Business and on Enterprise?', sources: [src(1, 'Audit logs are retained for 90 days on the Business plan and 365 days on the Enterprise plan.')] });
    assert.equal(b.span, '90 days and 365 days');
  });
  it('fills a flat JSON schema from the quoted fields; without every required field it stays a quote', () => {
    const pricing = '| Plan | Annual billing | Seats |\n| --- | --- | --- |\n| Team | $12 per seat per month | 1 or more |\n| Enterprise | $54 per seat per month | minimum 20 |\n';
    const schema = { type: 'object', properties: { plan: { type: 'string' }, pricePerSeatUsd: { type: 'number' }, minimumSeats: { type: 'integer' } }, required: ['plan', 'pricePerSeatUsd', 'minimumSeats'] };
    const a = extractiveAnswer({ question: "Give the Enterprise plan's price per seat per month and minimum seats.", sources: [src(1, pricing)], schema });
    assert.deepEqual(a.json, { plan: 'Enterprise', pricePerSeatUsd: 54, minimumSeats: 20 });
    assert.equal(a.text, '{"plan":"Enterprise","pricePerSeatUsd":54,"minimumSeats":20} [1]', 'the JSON carries the citation of the row it was read from');
    assert.deepEqual(a.sentences.map((s) => [s.n, s.text]), [[1, a.sentences[0]!.text]]);
    assert.match(a.sentences[0]!.text, /Enterprise.*\$54.*minimum 20/);
    const none = extractiveAnswer({ question: "Give the Enterprise plan's price per seat per month and minimum seats.", sources: [src(1, pricing)], schema: { ...schema, properties: { ...schema.properties, founded: { type: 'integer' } }, required: ['founded'] } });
    assert.equal(none.json, undefined);
    assert.match(none.text, /Enterprise.*\[1\]/);
  });
});
