import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validateGoldenItem } from '../golden/validate-golden-item.js';
import { importBeir } from './import-beir.js';
import { importSquad } from './import-squad.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('importBeir', () => {
  it('turns judged queries into retrieval-only items', async () => {
    const beir = join(dir, 'beir');
    mkdirSync(join(beir, 'qrels'), { recursive: true });
    writeFileSync(join(beir, 'corpus.jsonl'), jsonl([{ _id: 'd1', title: 't', text: 'x' }]));
    writeFileSync(join(beir, 'queries.jsonl'), jsonl([{ _id: 'q1', text: 'Does x cause y?' }, { _id: 'q2', text: 'Only negatives' }, { _id: 'q3', text: 'unjudged' }]));
    writeFileSync(join(beir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t2\nq1\td3\t0\nq2\td1\t0\n');
    const items = await importBeir({ dir: beir });
    assert.deepEqual(items, [{ id: 'q1', question: 'Does x cause y?', answers: [], sources: [{ documentId: 'd1' }, { documentId: 'd2' }], answerable: true, tags: ['beir', 'test'], metadata: { qrels: { d1: 1, d2: 2, d3: 0 } } }]);
    assert.ok(validateGoldenItem(items[0]).ok);
  });
});

describe('importSquad', () => {
  it('maps answerable and impossible questions, with gold paragraphs as oracle context', async () => {
    const sq = join(dir, 'squad');
    mkdirSync(sq);
    writeFileSync(join(sq, 'corpus.jsonl'), jsonl([{ _id: 'Normans#0', title: 'Normans', text: 'The Normans ... France.' }]));
    writeFileSync(join(sq, 'questions.jsonl'), jsonl([
      { _id: 'a1', question: 'In what country is Normandy located?', answers: ['France', 'France'], is_impossible: false, gold_doc: 'Normans#0', plausible_answers: [] },
      { _id: 'u1', question: 'What is France a region of?', answers: [], is_impossible: true, gold_doc: 'Normans#0', plausible_answers: ['Normandy'] },
      { _id: 'a2', question: 'Second?', answers: ['x'], is_impossible: false, gold_doc: 'Normans#0' },
    ]));
    const items = await importSquad({ path: join(sq, 'questions.jsonl'), maxAnswerable: 1 });
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], { id: 'a1', question: 'In what country is Normandy located?', answers: ['France'], sources: [{ documentId: 'Normans#0' }], answerable: true, context: ['The Normans ... France.'], tags: ['squad2', 'answerable'], metadata: { goldDoc: 'Normans#0' } });
    assert.deepEqual(items[1]!.answerable, false);
    assert.deepEqual(items[1]!.sources, []);
    assert.deepEqual(items[1]!.metadata, { goldDoc: 'Normans#0', plausibleAnswers: ['Normandy'] });
    for (const i of items) assert.ok(validateGoldenItem(i).ok);
  });

  it('reads the shared SQuAD 2.0 dev set', { skip: !existsSync('../shared/data/squad2-dev/questions.jsonl') && 'shared data ../shared/data/squad2-dev is absent' }, async () => {
    const items = await importSquad({ path: '../shared/data/squad2-dev/questions.jsonl', maxAnswerable: 300, maxUnanswerable: 300 });
    assert.equal(items.length, 600);
    assert.equal(items.filter((i) => !i.answerable).length, 300);
    assert.ok(items.every((i) => i.context?.length === 1 && validateGoldenItem(i).ok));
  });
});
