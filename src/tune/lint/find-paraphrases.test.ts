import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findParaphrases } from './find-paraphrases.js';

const texts = [
  'How do I declare an optional query parameter?',
  'How do I declare an optional query param?',
  'How do I declare a required query parameter?',
  'How do I declare an optional path parameter?',
  'Wie deklariere ich einen optionalen Query-Parameter?',
  'Wie deklariere ich einen optionalen Query-Param?',
  'What is the capital of Australia?',
  'Can you tell me what the capital of Australia is, please?',
  'What is the capital of Austria?',
];

test('paraphrases (abbreviations, reworded openings, other languages) pair up; questions that differ in a key word do not', () => {
  const pairs = findParaphrases({ texts }).map(([a, b]) => [a, b]);
  assert.deepEqual(pairs, [[0, 1], [4, 5], [6, 7]]);
});

test('similarity is symmetric in the text order and 1 for identical prompts; long prompts are left to shingles', () => {
  const forward = findParaphrases({ texts: [texts[0]!, texts[1]!, texts[6]!] });
  const backward = findParaphrases({ texts: [texts[1]!, texts[0]!, texts[6]!] });
  assert.equal(forward[0]![2], backward[0]![2]);
  assert.equal(findParaphrases({ texts: [texts[6]!, texts[6]!] })[0]![2], 1);
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  assert.deepEqual(findParaphrases({ texts: [long, long] }), []);
});

test('answers: inflected labels agree, different labels and final numbers do not', async () => {
  const { answersAgree, answerTermsCache } = await import('./answers-agree.js');
  const { toLintRecord } = await import('./lint-records.js');
  const rec = (answer: string) => toLintRecord(1, { messages: [{ role: 'user', content: 'q?' }, { role: 'assistant', content: answer }] }, 'chat');
  const terms = answerTermsCache();
  assert.equal(answersAgree(rec('Catholic'), rec('Catholicism'), terms), true);
  assert.equal(answersAgree(rec('positive'), rec('negative'), terms), false);
  assert.equal(answersAgree(rec('She pays 5 dollars a week.\n#### 20'), rec('She pays 5 dollars a week.\n#### 25'), terms), false);
  assert.equal(answersAgree(rec('Yes, you can.'), rec('No, you cannot.'), terms), false);
});
