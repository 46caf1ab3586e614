import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Reranker } from '../../spec/reranker.js';
import { _codeOf, _withFixture } from './_fixture.js';

/** A reranker under test and how to release it. */
export interface RerankerFixture {
  reranker: Reranker;
  close?: () => Promise<void>;
}

const query = 'how many days is the refund window';
const documents = ['Backups are kept for 90 days.', 'The refund window is 30 days for every plan.', 'Enterprise seats cost $54.'];

export function rerankerContractCases(create: () => Promise<RerankerFixture>, expectRelevanceOrder: boolean): void {
  it('declares its capabilities', () => _withFixture(create, async ({ reranker }) => {
    assert.equal(reranker.specificationVersion, 'v1');
    assert.ok(reranker.provider.length > 0 && reranker.modelId.length > 0);
    assert.ok(Number.isInteger(reranker.maxBatchSize) && reranker.maxBatchSize > 0);
    assert.equal(typeof reranker.scoresAreProbabilities, 'boolean');
  }));

  it('returns one finite score per document, in input order, independent of position', () => _withFixture(create, async ({ reranker }) => {
    const { scores } = await reranker.doRerank({ query, documents });
    assert.equal(scores.length, documents.length);
    assert.ok(scores.every(Number.isFinite));
    if (reranker.scoresAreProbabilities) assert.ok(scores.every((s) => s >= 0 && s <= 1), 'probabilities lie in [0, 1]');
    const reversed = (await reranker.doRerank({ query, documents: [...documents].reverse() })).scores.reverse();
    scores.forEach((s, i) => assert.ok(Math.abs(s - reversed[i]!) < 1e-4, `document ${i} scores the same wherever it sits`));
    if (expectRelevanceOrder) assert.equal(scores.indexOf(Math.max(...scores)), 1, 'the passage that answers ranks first');
  }));

  it('scores an empty list as empty', () => _withFixture(create, async ({ reranker }) => {
    assert.deepEqual((await reranker.doRerank({ query, documents: [] })).scores, []);
  }));

  it('stops with INTERRUPTED when the call is aborted', () => _withFixture(create, async ({ reranker }) => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    assert.equal(await _codeOf(() => reranker.doRerank({ query, documents, abortSignal: controller.signal })), 'INTERRUPTED');
  }));
}
