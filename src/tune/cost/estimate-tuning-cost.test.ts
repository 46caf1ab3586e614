import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tokenizer } from '../../spec/tokenizer.js';
import { FathomError } from '../../util/errors.js';
import { estimateTuningCost } from './estimate-tuning-cost.js';

const wordTokenizer: Tokenizer = { id: 'test:words', count: (t) => t.split(/\s+/).filter(Boolean).length, encode: () => ({ ids: [], offsets: [] }) };

test('cost = tokens × epochs × price, per backend tier', () => {
  const r = estimateTuningCost({ tokens: 2_000_000, epochs: 3, backends: ['together', 'openai'] });
  assert.equal(r.trainedTokens, 6_000_000);
  assert.deepEqual(r.costs.find((c) => c.backend === 'together' && c.tier === 'up-to-16b'), { backend: 'together', tier: 'up-to-16b', usdPerMillionTokens: 0.48, usd: 2.88 });
  assert.equal(r.costs.find((c) => c.tier === 'gpt-4o-mini')!.usd, 18);
  assert.ok(r.costs.every((c) => c.backend === 'together' || c.backend === 'openai'));
  const flat = estimateTuningCost({ tokens: 1_000_000, epochs: 2, backends: ['mistral'], usdPerMillionTokens: 10 });
  assert.ok(flat.costs.every((c) => c.usd === 20));
  assert.equal(flat.pricesAsOf, 'override');
});

test('counts example tokens (text + 4 per turn + 3 per example) and estimates preparation time', () => {
  const examples = Array.from({ length: 60 }, () => ({ messages: [{ role: 'user', content: 'one two three' }, { role: 'assistant', content: 'four five' }] }));
  const r = estimateTuningCost({ examples, tokenizer: wordTokenizer, epochs: 1, linesToFix: 12 });
  assert.equal(r.tokensPerEpoch, 60 * (3 + 4 + 3 + 4 + 2));
  assert.equal(r.preparation.hours, 2);
  assert.throws(() => estimateTuningCost({ tokens: 1, backends: ['nope'] }), (e: unknown) => FathomError.isInstance(e) && /Unknown backend nope/.test(e.message));
  assert.throws(() => estimateTuningCost({ epochs: 1 }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
});
