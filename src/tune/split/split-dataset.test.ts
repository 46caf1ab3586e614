import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TuneExample } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { words } from '../lint/__fixtures__/planted-dataset.js';
import { dedupeDataset } from './dedupe-dataset.js';
import { splitDataset } from './split-dataset.js';

const w = words(21);
const chat = (user: string, assistant: string): TuneExample => ({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: assistant }] });
const base = Array.from({ length: 100 }, (_, i) => chat(`${w(8)}?`, i % 5 === 0 ? 'spam' : 'ham'));

test('split is seeded, respects the share and stratifies labels', () => {
  const a = splitDataset({ examples: base, validationShare: 0.2, seed: 7, stratifyBy: 'output' });
  const b = splitDataset({ examples: base, validationShare: 0.2, seed: 7, stratifyBy: 'output' });
  const c = splitDataset({ examples: base, validationShare: 0.2, seed: 8, stratifyBy: 'output' });
  assert.deepEqual(a.validationIndices, b.validationIndices);
  assert.notDeepEqual(a.validationIndices, c.validationIndices);
  assert.equal(a.validation.length, 20);
  assert.equal(a.train.length + a.validation.length, 100);
  assert.equal(a.validationIndices.filter((i) => i % 5 === 0).length, 4);
  assert.deepEqual([...a.trainIndices, ...a.validationIndices].sort((x, y) => x - y), base.map((_, i) => i));
});

test('near duplicates stay on one side; eval leaks are excluded and reported', () => {
  const examples = base.map((e) => structuredClone(e));
  const long = `${w(30)}.`;
  for (const i of [3, 40, 77]) examples[i] = chat(`${w(2)} shared question about the tresu river`, `${long} variant ${i}`);
  examples[55] = chat('Why do zebras have stripes?', 'Camouflage.');
  for (let seed = 1; seed <= 10; seed += 1) {
    const s = splitDataset({ examples, validationShare: 0.3, seed, evalQuestions: ['why do zebras have stripes'] });
    const sides = [3, 40, 77].map((i) => s.validationIndices.includes(i));
    assert.ok(sides.every((x) => x === sides[0]), `seed ${seed}: near duplicates split across sides`);
    assert.deepEqual(s.excluded.map((e) => e.index), [55]);
    assert.ok(!s.trainIndices.includes(55) && !s.validationIndices.includes(55));
    assert.equal(s.warnings[0]!.type, 'leakage-excluded');
  }
  assert.throws(() => splitDataset({ examples, validationShare: 1 }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
});

test('dedupe drops exact and near copies, keeps contradictions', () => {
  const long = `${w(40)}.`;
  const examples = [chat('what is a borfi?', long), chat('what is a borfi?', long), chat('what is a borfi', `${long} indeed`), chat('what is a borfi?', `${w(10)}.`), chat('other?', 'yes.')];
  const r = dedupeDataset({ examples });
  assert.deepEqual(r.removed, [{ index: 1, duplicateOf: 0, kind: 'exact' }, { index: 2, duplicateOf: 0, kind: 'near' }]);
  assert.deepEqual(r.keptIndices, [0, 3, 4]);
  assert.deepEqual(dedupeDataset({ examples, near: false }).keptIndices, [0, 2, 3, 4]);
});

test('paraphrased short prompts: split keeps them on one side; dedupe drops the same-answer copy and keeps the contradiction', () => {
  const examples = base.map((e) => structuredClone(e));
  examples[10] = chat('How do I declare an optional query parameter?', 'Give it a default of None, e.g. `q: str | None = None`.');
  examples[60] = chat('How do I declare an optional query param?', 'Set its default to None, for example `q: str | None = None`.');
  examples[90] = chat('How can I declare an optional query parameter?', 'Query parameters cannot be optional; use a request body.');
  for (let seed = 1; seed <= 10; seed += 1) {
    const s = splitDataset({ examples, validationShare: 0.3, seed });
    const sides = [10, 60, 90].map((i) => s.validationIndices.includes(i));
    assert.ok(sides.every((x) => x === sides[0]), `seed ${seed}: paraphrases split across sides`);
  }
  const d = dedupeDataset({ examples });
  assert.deepEqual(d.removed.filter((r) => [10, 60, 90].includes(r.index)), [{ index: 60, duplicateOf: 10, kind: 'near' }]);
  assert.ok(d.keptIndices.includes(90));
});
