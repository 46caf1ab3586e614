import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from './diagnose.js';
import { _wilson, _shareText } from './_wilson.js';
import { expected, supportRun } from './__fixtures__/support-run.js';
import { alreadyFine, badChunking, both, staleKnowledge, wrongFormat } from './__fixtures__/scenarios.js';
import { FathomError } from '../util/errors.js';

describe('Wilson interval', () => {
  it('matches hand-computed values and stays inside [0, 1]', () => {
    const [lo, hi] = _wilson(12, 40);
    assert.ok(Math.abs(lo - 0.1807) < 1e-3 && Math.abs(hi - 0.4543) < 1e-3, `${lo} ${hi}`);
    assert.deepEqual(_wilson(0, 10).map((x) => +x.toFixed(4)), [0, 0.2775]);
    assert.deepEqual(_wilson(10, 10).map((x) => +x.toFixed(4)), [0.7225, 1]);
    assert.equal(_shareText(12, 40), '12 of 40 items (30%, 95% CI 18–45%)');
  });
});

describe('diagnose: per-item classes on the 52-item support run', () => {
  const d = diagnose({ run: supportRun });
  it('classifies every item as expected', () => {
    assert.equal(d.items.length, 52);
    for (const item of d.items) assert.deepEqual(item.classes, expected[item.itemId], `${item.itemId}: ${item.evidence}`);
  });
  it('points each retrieval miss at the fix its trace suggests', () => {
    const fix = Object.fromEntries(d.items.filter((i) => i.retrievalFix).map((i) => [i.itemId, i.retrievalFix]));
    assert.deepEqual(fix, {
      'rm-chunk-1': 'chunking', 'rm-chunk-2': 'chunking', 'rm-chunk-3': 'chunking', 'rm-rank-1': 'reranking', 'rm-rank-2': 'reranking',
      'rm-parent-1': 'parent-child', 'rm-context-1': 'contextual-retrieval', 'rm-recall-1': 'hybrid-search', 'rm-recall-2': 'hybrid-search',
    });
    assert.match(d.items.find((i) => i.itemId === 'rm-rank-1')!.evidence, /ranked 8, below the 5 shown/);
  });
  it('aggregates counts, shares and Wilson intervals', () => {
    assert.equal(d.classes['knowledge-gap-closed-by-rag'].count, 14);
    assert.equal(d.classes['retrieval-miss'].count, 9);
    assert.equal(d.classes['hallucination-on-unanswerable'].count, 2);
    assert.equal(d.classes.passing.count, 26, 'every correct item passes, whatever closed-book did');
    assert.equal(d.classes['format-failure'].share, 4 / 52);
    assert.deepEqual(d.classes['format-failure'].ci95, _wilson(4, 52));
  });
  it('recommends the hybrid with evidence, item ids and uncertainty in words', () => {
    const r = d.recommendation;
    assert.equal(r.primary, 'hybrid');
    assert.deepEqual(r.actions.find((a) => a.kind === 'chunking')?.itemIds, ['rm-chunk-1', 'rm-chunk-2', 'rm-chunk-3']);
    assert.deepEqual(r.actions.find((a) => a.kind === 'fine-tuning' && /format/.test(a.why))?.itemIds, ['fmt-1', 'fmt-2', 'fmt-3', 'fmt-4']);
    assert.ok(r.evidence.some((e) => /^oracle: correct on 44 of 48 answerable items/.test(e)), r.evidence.join('\n'));
    assert.match(r.uncertainty, /Behaviour failures: 10 of 52 items \(19%, 95% CI 11–32%\)/);
  });
  it('reads golden items from the option when the run lacks them', () => {
    const { items, ...bare } = supportRun;
    const without = diagnose({ run: bare });
    assert.notDeepEqual(without.items.find((i) => i.itemId === 'un-3')!.classes, ['hallucination-on-unanswerable']);
    const withItems = diagnose({ run: bare, items });
    assert.deepEqual(withItems.items.find((i) => i.itemId === 'un-3')!.classes, ['hallucination-on-unanswerable']);
  });
});

describe('diagnose: the seeds\' scenarios', () => {
  it('stale knowledge → RAG', () => {
    const d = diagnose({ run: staleKnowledge });
    assert.equal(d.recommendation.primary, 'rag');
    assert.equal(d.classes['knowledge-gap-closed-by-rag'].count, 14);
  });
  it('right facts in the wrong format even with the oracle → fine-tune for format', () => {
    const d = diagnose({ run: wrongFormat });
    assert.equal(d.recommendation.primary, 'fine-tuning');
    assert.equal(d.classes['format-failure'].count, 12);
    assert.ok(d.recommendation.actions.some((a) => a.kind === 'fine-tuning' && /format/.test(a.why)));
  });
  it('bad chunking → retrieval fix naming chunking', () => {
    const d = diagnose({ run: badChunking });
    assert.equal(d.recommendation.primary, 'retrieval-fix');
    assert.equal(d.recommendation.actions.find((a) => a.kind === 'chunking')?.itemIds?.length, 10);
  });
  it('both kinds → hybrid', () => assert.equal(diagnose({ run: both }).recommendation.primary, 'hybrid'));
  it('already right closed-book → better prompt, no new machinery', () => {
    const d = diagnose({ run: alreadyFine });
    assert.equal(d.recommendation.primary, 'better-prompt');
    assert.match(d.recommendation.actions[0]!.why, /no retrieval or fine-tuning needed/);
    assert.match(d.recommendation.uncertainty, /Fewer than 30 items/);
  });
  it('an empty run recommends nothing; a malformed one is a user error', () => {
    assert.equal(diagnose({ run: { ...alreadyFine, results: [] } }).recommendation.primary, 'none');
    assert.throws(() => diagnose({ run: {} as never }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
  });
});
