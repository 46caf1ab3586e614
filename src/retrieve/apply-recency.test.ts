import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hit } from '../spec/hit.js';
import { makeChunk } from './__fixtures__/doubles.js';
import { applyRecency } from './index.js';

const DAY = 86_400_000;
const hit = (id: string, score: number): Hit => ({ chunk: makeChunk({ id, text: id }), document: { id, title: id, source: id, collection: 'default' }, score, stages: {} });

describe('applyRecency', () => {
  it('multiplies by (1 − w) + w·0.5^(age/halfLife)', () => {
    const now = 10 * DAY;
    // a: age 0 → factor 1 → 1; b: age 10 d = one half-life → .5 + .5·.5 = .75 → 1.5·.75 = 1.125; c: unknown → .5 → 1
    const out = applyRecency({ hits: [hit('a', 1), hit('b', 1.5), hit('c', 2)], times: [now, 0, undefined], now, halfLifeDays: 10, weight: 0.5 });
    assert.deepEqual(out.map((h) => h.chunk.id), ['b', 'a', 'c']);
    assert.deepEqual(out.map((h) => h.score), [1.125, 1, 1]);
    assert.deepEqual(out[0]!.stages.recency, { score: 1.125, rank: 1 });
  });
  it('penalises old hits with negative scores too (divides)', () => {
    const out = applyRecency({ hits: [hit('old', -1), hit('new', -1)], times: [0, 10 * DAY], now: 10 * DAY, halfLifeDays: 10 });
    assert.deepEqual(out.map((h) => h.chunk.id), ['new', 'old']);
    assert.ok(Math.abs(out[1]!.score - -1 / 0.75) < 1e-12);
  });
  it('weight 0 leaves scores unchanged', () => {
    const out = applyRecency({ hits: [hit('a', 2)], times: [0], now: 100 * DAY, halfLifeDays: 1, weight: 0 });
    assert.equal(out[0]!.score, 2);
  });
});
