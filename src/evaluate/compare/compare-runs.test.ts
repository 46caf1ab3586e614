import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvalItemResult, EvalRun } from '../../spec/evaluation.js';
import { fakeAnswer } from '../__fixtures__/answers.js';
import { compareRuns } from './compare-runs.js';
import { pairedBootstrap } from './paired-bootstrap.js';
import { parseGate } from './parse-gate.js';

function run(id: string, faith: number[], extra: Partial<EvalItemResult> = {}): EvalRun {
  const results = faith.map((f, i): EvalItemResult => ({ itemId: `i${i}`, mode: 'rag', answer: fakeAnswer(), metrics: { faithfulness: f, correct: f > 0.5 ? 1 : 0 }, correct: f > 0.5, ...(i === 0 ? extra : {}) }));
  return { id, createdAt: 0, dataset: { path: '', sha256: '', items: faith.length }, modes: ['rag'], config: {}, configHash: '', versions: {}, results, summary: { rag: {} } as EvalRun['summary'] };
}

describe('pairedBootstrap', () => {
  it('point estimate is the mean paired difference; identical runs give a zero-width interval', () => {
    assert.deepEqual(pairedBootstrap({ a: [1, 1, 1], b: [1, 1, 1] }), { delta: 0, ci95: [0, 0] });
    const r = pairedBootstrap({ a: [0, 0, 0, 0], b: [1, 0, 1, 0], seed: 7 });
    assert.equal(r.delta, 0.5);
    assert.ok(r.ci95[0] >= 0 && r.ci95[0] <= 0.5 && r.ci95[1] >= 0.5 && r.ci95[1] <= 1);
  });
  it('is reproducible for a seed and narrows with more items', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const b = a.map((x, i) => (i % 5 === 0 ? 1 - x : x));
    assert.deepEqual(pairedBootstrap({ a, b, seed: 1 }), pairedBootstrap({ a, b, seed: 1 }));
    const wide = pairedBootstrap({ a: a.slice(0, 20), b: b.slice(0, 20), seed: 1 });
    const narrow = pairedBootstrap({ a, b, seed: 1 });
    assert.ok(narrow.ci95[1] - narrow.ci95[0] < wide.ci95[1] - wide.ci95[0]);
  });
});

describe('parseGate', () => {
  it('reads mode, metric, operator and bound', () => {
    assert.deepEqual(parseGate('rag:recall@5 <= -0.05'), { expression: 'rag:recall@5 <= -0.05', mode: 'rag', metric: 'recall@5', op: '<=', bound: -0.05 });
    assert.deepEqual(parseGate(' faithfulness < -0.02 '), { expression: 'faithfulness < -0.02', metric: 'faithfulness', op: '<', bound: -0.02 });
    assert.throws(() => parseGate('faithfulness drops'), /Cannot read gate/);
  });
});

describe('compareRuns', () => {
  const a = run('A', [1, 1, 0.5, 1, 1, 1]);
  const b = run('B', [0.5, 1, 0.5, 0, 1, 1]);
  it('pairs items, computes deltas with intervals and per-item changes', () => {
    const c = compareRuns({ a, b, bootstrap: { seed: 3 } });
    const f = c.deltas.find((d) => d.metric === 'faithfulness')!;
    assert.equal(f.n, 6);
    assert.ok(Math.abs(f.delta - -0.25) < 1e-12);
    assert.ok(f.ci95[0] <= f.delta && f.delta <= f.ci95[1]);
    assert.deepEqual(c.items.filter((i) => i.changed.length).map((i) => [i.itemId, i.changed]), [['i0', ['correct', 'faithfulness']], ['i3', ['correct', 'faithfulness']]]);
  });
  it('fails a gate on the point estimate by default, on the whole interval with gateOn ci', () => {
    assert.deepEqual(compareRuns({ a, b, gates: ['faithfulness < -0.02', 'correct < -0.5'] }).failedGates, ['faithfulness < -0.02']);
    const ci = compareRuns({ a, b, gates: ['faithfulness < -0.02'], gateOn: 'ci', bootstrap: { seed: 3 } });
    assert.deepEqual(ci.failedGates, []);
    assert.equal(ci.gates[0]!.failed, false);
    assert.deepEqual(compareRuns({ a, b: a, gates: ['rag:faithfulness < -0.02'] }).failedGates, []);
  });
  it('leaves out items with errors in either run and rejects gates on unknown metrics', () => {
    const c = compareRuns({ a, b: run('B', [0, 1, 0.5, 1, 1, 1], { error: { code: 'INTERNAL', message: 'x' } }) });
    assert.equal(c.deltas.find((d) => d.metric === 'faithfulness')!.n, 5);
    assert.throws(() => compareRuns({ a, b, gates: ['faithfulnes < 0'] }), /Known: correct, faithfulness/);
  });
});
