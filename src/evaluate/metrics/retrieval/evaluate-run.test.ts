import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Qrels, Run } from '../../../spec/qrels.js';
import { evaluateRun, hitRateAtK, mapAtK, mrrAtK, ndcgAtK, precisionAtK, rankRun, recallAtK } from './index.js';

const close = (actual: number, expected: number, tolerance = 1e-9) => assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

// q1: graded (d1:2, d2:1, d4:1 relevant; d3 judged 0). q2: only a grade-0 judgment. q3: run shorter than k.
// q4: in qrels, not in the run. q5: in the run, not in qrels (never evaluated).
const qrels: Qrels = new Map([
  ['q1', new Map([['d1', 2], ['d2', 1], ['d3', 0], ['d4', 1]])],
  ['q2', new Map([['d5', 0]])],
  ['q3', new Map([['d6', 1], ['d7', 1]])],
  ['q4', new Map([['d8', 1]])],
]);
// q1 ties dX and d2 at 0.7: trec_eval breaks ties by docno descending ('X' 0x58 > '2' 0x32) → dX before d2.
const run: Run = new Map([
  ['q1', [{ docId: 'd4', score: 0.1 }, { docId: 'd2', score: 0.7 }, { docId: 'd1', score: 0.8 }, { docId: 'dX', score: 0.7 }, { docId: 'd3', score: 0.9 }]],
  ['q2', [{ docId: 'd5', score: 1 }]],
  ['q3', [{ docId: 'd6', score: 0.5 }]],
  ['q5', [{ docId: 'd1', score: 1 }]],
]);

describe('rankRun', () => {
  it('orders by score desc, then docId desc (trec_eval comp_sim_docno)', () => {
    assert.deepEqual(rankRun({ entries: run.get('q1')! }), ['d3', 'd1', 'dX', 'd2', 'd4']);
  });
  it('rejects a document retrieved twice', () => {
    assert.throws(() => rankRun({ entries: [{ docId: 'a', score: 1 }, { docId: 'a', score: 0.5 }], queryId: 'q' }), /more than once/);
  });
});

describe('metrics on q1 (ranking d3:0, d1:2, dX:-, d2:1, d4:1; 3 relevant)', () => {
  const ranked = rankRun({ entries: run.get('q1')! });
  const judgments = qrels.get('q1')!;
  it('k = 3', () => {
    // DCG@3 = 2/log2(3); IDCG@3 = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.63093 + 0.5
    // = 1.26186 / 3.13093 = 0.40303
    close(ndcgAtK({ ranked, judgments, k: 3 }), 2 / Math.log2(3) / (2 + 1 / Math.log2(3) + 0.5));
    close(ndcgAtK({ ranked, judgments, k: 3 }), 0.40303028, 1e-8);
    close(recallAtK({ ranked, judgments, k: 3 }), 1 / 3); // d1 of {d1, d2, d4}
    close(precisionAtK({ ranked, judgments, k: 3 }), 1 / 3); // would be 2/3 had the tie gone d2 first
    close(mrrAtK({ ranked, judgments, k: 3 }), 1 / 2);
    close(mapAtK({ ranked, judgments, k: 3 }), 1 / 2 / 3); // P@2 = 1/2, over 3 relevant
    assert.equal(hitRateAtK({ ranked, judgments, k: 3 }), 1);
    assert.equal(hitRateAtK({ ranked, judgments, k: 1 }), 0);
    assert.equal(mrrAtK({ ranked, judgments, k: 1 }), 0);
  });
  it('k = 5', () => {
    // DCG@5 = 2/log2(3) + 1/log2(5) + 1/log2(6) = 1.26186 + 0.43068 + 0.38685 = 2.07939; IDCG = 3.13093 → 0.66414
    close(ndcgAtK({ ranked, judgments, k: 5 }), (2 / Math.log2(3) + 1 / Math.log2(5) + 1 / Math.log2(6)) / (2 + 1 / Math.log2(3) + 0.5));
    close(ndcgAtK({ ranked, judgments, k: 5 }), 0.66414421, 1e-8);
    close(recallAtK({ ranked, judgments, k: 5 }), 1);
    close(precisionAtK({ ranked, judgments, k: 5 }), 3 / 5);
    close(mapAtK({ ranked, judgments, k: 5 }), (1 / 2 + 2 / 4 + 3 / 5) / 3); // 0.53333
  });
});

describe('evaluateRun', () => {
  const metrics = ['ndcg@5', 'recall@5', 'precision@5', 'mrr@5', 'map@5', 'hit_rate@5'];
  it('evaluates queries in both run and qrels; grade-0-only queries score 0 and count', () => {
    const result = evaluateRun({ run, qrels, metrics });
    assert.deepEqual(Object.keys(result.perQuery).sort(), ['q1', 'q2', 'q3']);
    assert.equal(result.queries, 3);
    assert.deepEqual(Object.values(result.perQuery.q2!), [0, 0, 0, 0, 0, 0]);
    // q3: run [d6] shorter than k=5. DCG = 1; IDCG = 1 + 1/log2(3) → 0.61315; P@5 = 1/5 (divides by k).
    const q3 = result.perQuery.q3!;
    close(q3['ndcg@5']!, 1 / (1 + 1 / Math.log2(3)));
    close(q3['precision@5']!, 0.2);
    close(q3['recall@5']!, 0.5);
    close(q3['mrr@5']!, 1);
    close(q3['map@5']!, 0.5);
    close(result.mean['ndcg@5']!, (0.6641442115 + 0 + 1 / (1 + 1 / Math.log2(3))) / 3);
    close(result.mean['precision@5']!, (0.6 + 0 + 0.2) / 3);
    close(result.mean['map@5']!, ((1 / 2 + 2 / 4 + 3 / 5) / 3 + 0 + 0.5) / 3);
    close(result.mean['hit_rate@5']!, 2 / 3);
  });
  it('complete (trec_eval -c) averages over every qrels query, missing ones scoring 0', () => {
    const result = evaluateRun({ run, qrels, metrics: ['recall@5'], complete: true });
    assert.equal(result.queries, 4);
    close(result.mean['recall@5']!, (1 + 0 + 0.5 + 0) / 4);
  });
  it('relevanceLevel raises the bar for binary metrics, not for nDCG gains', () => {
    const result = evaluateRun({ run, qrels, metrics: ['recall@5', 'ndcg@5'], relevanceLevel: 2 });
    close(result.perQuery.q1!['recall@5']!, 1); // only d1 is relevant at level 2, and it is retrieved
    close(result.perQuery.q1!['ndcg@5']!, 0.66414421, 1e-8);
  });
  it('rejects unknown metric names with the accepted forms', () => {
    assert.throws(() => evaluateRun({ run, qrels, metrics: ['ndcg10'] }), /ndcg@10/);
    assert.throws(() => evaluateRun({ run, qrels, metrics: ['foo@3'] }), /Unknown retrieval metric/);
  });
});
