import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { _Observation } from './_observe.js';
import { _addObservation, _mergeWindows, _newWindow, _numericCap } from './_window-stats.js';

const obs = (latencyMs: number): _Observation => ({ at: 0, terms: [], noContext: false, answered: false, abstained: false, unsupported: false, latencyMs });

describe('window aggregates: bounded samples that stay uniform', () => {
  it('a window keeps at most the cap of values and counts every one', () => {
    const w = _newWindow(1);
    for (let i = 0; i < 3 * _numericCap; i++) _addObservation(w, obs(i), Infinity, 7);
    assert.equal(w.numeric.latencyMs.items.length, _numericCap);
    assert.equal(w.numeric.latencyMs.seen, 3 * _numericCap);
    const late = w.numeric.latencyMs.items.filter((x) => x >= 2 * _numericCap).length / _numericCap;
    assert.ok(Math.abs(late - 1 / 3) < 0.02, `the last third of the values is a third of the sample (${late})`);
  });

  it('merged windows weigh each sample by how many values it stands for', () => {
    const big = _newWindow(1);
    const small = _newWindow(2);
    for (let i = 0; i < 5 * _numericCap; i++) _addObservation(big, obs(0), Infinity, 7);
    for (let i = 0; i < _numericCap; i++) _addObservation(small, obs(1), Infinity, 7);
    const merged = _mergeWindows([big, small], 3).numeric.latencyMs;
    assert.equal(merged.items.length, _numericCap);
    assert.equal(merged.seen, 6 * _numericCap);
    const ones = merged.items.filter((x) => x === 1).length / _numericCap;
    assert.ok(Math.abs(ones - 1 / 6) < 0.02, `the small window is a sixth of the union and of the sample (${ones}), not half`);
  });

  it('below the cap a merge is the concatenation, in window order', () => {
    const [a, b] = [_newWindow(1), _newWindow(2)];
    for (const x of [3, 1, 2]) _addObservation(a, obs(x), Infinity, 7);
    for (const x of [9, 8]) _addObservation(b, obs(x), Infinity, 7);
    assert.deepEqual(_mergeWindows([a, b], 3).numeric.latencyMs.items, [3, 1, 2, 9, 8]);
  });
});
