import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '../util/math/random.js';
import { _centroidShift, _termDivergence } from './_divergence.js';

const random = mulberry32(11);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
const topicA = ['price', 'plan', 'seats', 'billing', 'invoice', 'team'];
const topicB = ['kubernetes', 'helm', 'replica', 'pod', 'cluster', 'node'];
/** n queries of 3 topic terms; a share `idShare` also carry a unique id (a term no other query has). */
const queries = (n: number, topic: string[], idShare = 0) => Array.from({ length: n }, (_, i) => [pick(topic), pick(topic), pick(topic), ...(random() < idShare ? [`c${i}_${random()}`] : [])]);
const opts = { minTermCount: 5, threshold: 0.05, seed: 1 };

describe('query-term divergence with a permutation null', () => {
  it('unique ids (customer and ticket numbers) at a steady rate are not a shift', () => {
    const d = _termDivergence(queries(200, topicA, 0.3), queries(800, topicA, 0.3), opts);
    assert.ok(d.statistic - d.expected < 0.05 && d.pValue > 0.001, JSON.stringify(d));
  });
  it('a new topic in 40% of the queries is a large, significant divergence; the same mix is not', () => {
    const shifted = [...queries(120, topicA), ...queries(80, topicB)];
    const d = _termDivergence(shifted, queries(800, topicA), opts);
    assert.ok(d.statistic - d.expected > 0.1 && d.pValue < 0.001, JSON.stringify(d));
    const same = _termDivergence(queries(200, topicA), queries(800, topicA), opts);
    assert.ok(same.statistic - same.expected < 0.05 && same.pValue > 0.001, JSON.stringify(same));
  });
  it('the centroid shift of unit vectors nets out the small-sample distance', () => {
    const v = (axis: number) => Float32Array.from({ length: 8 }, (_, k) => (k === axis ? 1 : 0) + 0.3 * random());
    const a = Array.from({ length: 300 }, () => v(0));
    const d = _centroidShift(Array.from({ length: 40 }, () => v(0)), a, { threshold: 0.01, seed: 1 });
    assert.ok(d.statistic > 0 && Math.abs(d.statistic - d.expected) < 0.01 && d.pValue > 0.01, JSON.stringify(d));
    const moved = _centroidShift(Array.from({ length: 40 }, () => v(1)), a, { threshold: 0.01, seed: 1 });
    assert.ok(moved.statistic - moved.expected > 0.5 && moved.pValue < 0.001, JSON.stringify(moved));
  });
});
