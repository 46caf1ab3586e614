import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EvalRun } from '../spec/evaluation.js';
import { decide } from './decide.js';
import { diagnose } from './diagnose.js';
import { buildRun, type FixtureItem, type ModeOutcome } from './__fixtures__/build-run.js';

const ok = (text: string): ModeOutcome => ({ text, correct: true });
const bad = (text: string): ModeOutcome => ({ text, correct: false });
const item = (id: string, docs: string[], answers = ['the answer']) => ({ id, question: `Question ${id}?`, answers, sources: docs.map((documentId) => ({ documentId })), answerable: true });

/** 4 items RAG gets right, 4 wrong even with the oracle; no closed-book (not measured for the extractive answerer). */
function outcomes(): FixtureItem[] {
  const out: FixtureItem[] = [];
  for (let i = 1; i <= 4; i++) out.push({ item: item(`right-${i}`, ['kb/a.md']), modes: { rag: ok('the answer [1].'), oracle: ok('the answer') }, retrieved: [['kb/a.md', 'kb/a.md#0']] });
  for (let i = 1; i <= 4; i++) out.push({ item: item(`wrong-${i}`, ['kb/b.md']), modes: { rag: bad('Another sentence [1].'), oracle: { text: 'Another sentence.', correct: false, metrics: { answer_in_context: 1 } } }, retrieved: [['kb/b.md', 'kb/b.md#0']] });
  return out;
}

const extractiveRun: EvalRun = { ...buildRun({ id: 'eval-x', items: outcomes() }), answerer: 'extractive', notMeasured: { 'closed-book': 'not measured: the extractive answerer has no knowledge of its own (it only quotes sources)' } };
const generativeRun: EvalRun = { ...buildRun({ id: 'eval-g', items: [...outcomes(), ...outcomes().map((f) => ({ ...f, item: { ...f.item, id: `${f.item.id}-b` }, modes: { 'closed-book': bad('a guess'), ...f.modes } }))] }), answerer: 'openai-compatible:gpt-4o-mini' };

describe('diagnose: the answerer decides what a failure means', () => {
  it('extractive: oracle failures are the answerer\'s limit, correct items pass, closed-book is not measured, no fine-tuning advice', () => {
    const d = diagnose({ run: extractiveRun });
    assert.equal(d.answerer, 'extractive');
    assert.deepEqual(d.items.find((i) => i.itemId === 'right-1')!.classes, ['passing']);
    assert.deepEqual(d.items.find((i) => i.itemId === 'wrong-1')!.classes, ['answerer-limit']);
    assert.equal(d.classes.passing.count, 4);
    assert.equal(d.classes['behaviour-gap'].count, 0);
    assert.equal(d.recommendation.primary, 'generative-model');
    const limit = d.recommendation.actions.find((a) => a.kind === 'generative-model')!;
    assert.match(limit.why, /the answerer is the limit: configure a generative model/);
    assert.match(limit.why, /oracle correct on 4 of 8/);
    assert.ok(!d.recommendation.actions.some((a) => a.kind === 'fine-tuning'), JSON.stringify(d.recommendation.actions));
    assert.ok(d.recommendation.evidence.some((e) => /^answerer: extractive/.test(e)));
    assert.ok(d.recommendation.evidence.some((e) => /^closed-book: not measured/.test(e)));
  });

  it('generative: the same oracle failures are a behaviour gap that fine-tuning addresses; a right answer passes even when closed-book was wrong', () => {
    const d = diagnose({ run: generativeRun });
    assert.equal(d.answerer, 'openai-compatible:gpt-4o-mini');
    assert.deepEqual(d.items.find((i) => i.itemId === 'wrong-1')!.classes, ['behaviour-gap']);
    assert.deepEqual(d.items.find((i) => i.itemId === 'right-1-b')!.classes, ['knowledge-gap-closed-by-rag', 'passing']);
    assert.equal(d.classes.passing.count, 8);
    assert.ok(['fine-tuning', 'hybrid'].includes(d.recommendation.primary), d.recommendation.primary);
    assert.ok(!d.recommendation.actions.some((a) => a.kind === 'generative-model'));
  });

  it('decide names the answerer and, for the extractive one, says the numbers do not measure a generative model', () => {
    const x = decide({ diagnosis: diagnose({ run: extractiveRun }), run: extractiveRun });
    assert.equal(x.recommendation, 'generative-model');
    assert.equal(x.diagnosis.answerer, 'extractive');
    assert.match(x.reasons.find((r) => r.factor === 'answerer')!.text, /extractive answerer/);
    const g = decide({ diagnosis: diagnose({ run: generativeRun }), run: generativeRun, answers: { labelledExamples: 1000 } });
    assert.match(g.reasons.find((r) => r.factor === 'answerer')!.text, /openai-compatible:gpt-4o-mini/);
  });
});

describe('diagnose: partial retrieval and ingestion loss', () => {
  it('a two-source item with one source in the context is a partial retrieval, not a grounding failure', () => {
    const run = buildRun({ items: [{ item: item('multi', ['kb/a.md', 'kb/b.md']), modes: { rag: bad('Half an answer [1].'), oracle: ok('the answer') }, retrieved: [['kb/a.md', 'kb/a.md#0'], ['kb/c.md', 'kb/c.md#0']] }] });
    const [d] = diagnose({ run }).items;
    assert.deepEqual(d!.classes, ['partial-retrieval']);
    assert.match(d!.evidence, /1 of 2 expected sources in the context; missing kb\/b\.md/);
  });

  it('an answer missing from the stored document is an ingestion loss, not a behaviour gap', () => {
    const run = buildRun({ items: [{ item: item('lost', ['kb/table.pdf'], ['42 ms']), modes: { rag: bad('No idea [1].'), oracle: { text: 'The table lists latencies.', correct: false, metrics: { answer_in_context: 0 } } }, retrieved: [['kb/table.pdf', 'kb/table.pdf#0']] }] });
    const d = diagnose({ run });
    assert.deepEqual(d.items[0]!.classes, ['ingestion-loss']);
    assert.match(d.items[0]!.evidence, /not in the stored text of kb\/table\.pdf/);
    assert.ok(d.recommendation.actions.some((a) => /missing from the stored documents/.test(a.why)));
  });
});
