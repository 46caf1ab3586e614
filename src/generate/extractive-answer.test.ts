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
  it('finds the phrase after a cue such as "called"', () => {
    assert.equal(extractAnswerSpan({ question: 'What is the main defense mechanism of bacteria known as?', sentence: 'Bacteria use a unique defense mechanism, called the restriction modification system, to protect themselves.' }), 'restriction modification system');
  });
});
