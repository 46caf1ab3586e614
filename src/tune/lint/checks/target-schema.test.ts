import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Tokenizer } from '../../../spec/tokenizer.js';
import type { TuneExample } from '../../../spec/tune-data.js';
import { FathomError } from '../../../util/errors.js';
import type { LintTarget } from '../lint-targets.js';
import { lintDataset } from '../lint-dataset.js';

const wordTokenizer: Tokenizer = { id: 'test:words', count: (text) => text.split(/\s+/).filter(Boolean).length, encode: () => ({ ids: [], offsets: [] }) };
const TOPICS = ['rivers', 'bread', 'chess', 'tides', 'glass', 'moths', 'radar', 'jazz', 'salt', 'kites', 'wool', 'comets'];
/** Twelve clean, distinct examples (enough for every target's minimum). */
const base = (): Array<Record<string, unknown>> => TOPICS.map((t, i) => ({ messages: [{ role: 'user', content: `Tell me one fact about ${t}.` }, { role: 'assistant', content: `Fact ${i + 1}: ${t} are ${'remarkably '.repeat(i % 3)}interesting in their own way.` }] }));
const targetFindings = async (examples: unknown[], target?: LintTarget) =>
  (await lintDataset({ examples: examples as TuneExample[], tokenizer: wordTokenizer, target })).findings.filter((f) => f.check === 'target-schema').map((f) => [f.severity, f.message, f.lines]);

describe('per-target schema strictness', () => {
  it('unknown keys: errors for targets that reject them, warnings naming them without a target, nothing for local trainers', async () => {
    const data = base();
    data[1] = { ...data[1], bogus: true };
    (data[3]!.messages as Array<Record<string, unknown>>)[1]!.extra = 1;
    assert.deepEqual(await targetFindings(data, 'openai'), [
      ['error', 'unknown top-level key "bogus" (openai rejects it)', [2]],
      ['error', 'unknown key in a message "extra" (openai rejects it)', [4]],
    ]);
    // Together checks top-level columns only (together-python `_check_jsonl`).
    assert.deepEqual(await targetFindings(data, 'together'), [['error', 'unknown top-level key "bogus" (together rejects it)', [2]]]);
    assert.deepEqual(await targetFindings(data, 'trl'), []);
    assert.deepEqual(await targetFindings(data, 'unsloth'), []);
    const generic = await targetFindings(data);
    assert.deepEqual(generic.map(([s, , l]) => [s, l]), [['warning', [2]], ['warning', [4]]]);
    assert.match(String(generic[0]![1]), /rejected by openai, together, mistral, fireworks; ignored by trl, axolotl, unsloth/);
  });

  it('roles, alternation, weights and tool-call shapes per target', async () => {
    const data = base();
    data[0] = { messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Tell me about gears.' }, { role: 'assistant', content: 'Gears transmit torque between shafts.', weight: 2 }] };
    data[2] = { messages: [{ role: 'user', content: 'Weather in Rome?' }, { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'weather', arguments: { city: 'Rome' } } }] }, { role: 'tool', tool_call_id: 'call_abc', content: '{"t": 20}' }, { role: 'assistant', content: 'It is 20 °C in Rome.' }] };
    const openai = await targetFindings(data, 'openai');
    assert.deepEqual(openai, [
      ['error', '"weight" must be 0 or 1 and only on assistant turns (openai)', [1]],
      ['error', 'tool-call arguments must be a JSON string, not object (openai)', [3]],
    ]);
    const mistral = (await targetFindings(data, 'mistral')).map(([, m, l]) => [m, l]);
    assert.deepEqual(mistral, [
      ['role "developer" is not accepted by mistral', [1]],
      ['"weight" must be 0 or 1 and only on assistant turns (mistral)', [1]],
      ['tool-call arguments must be a JSON string, not object (mistral)', [3]],
      ['tool call id must match /^[A-Za-z0-9]{9}$/ (mistral)', [3]],
    ]);
    data[5] = { messages: [{ role: 'user', content: 'Hi.' }, { role: 'user', content: 'Tell me about ink.' }, { role: 'assistant', content: 'Ink is pigment in a binder.' }] };
    assert.ok((await targetFindings(data, 'together')).some(([, m, l]) => /two "user" turns in a row \(together requires alternating turns\)/.test(String(m)) && String(l) === '6'));
  });

  it('limits: minimum examples, tokens per example, chat format for hosted APIs', async () => {
    assert.deepEqual(await targetFindings(base().slice(0, 5), 'openai'), [['error', '5 valid examples; openai needs at least 10', []]]);
    assert.deepEqual(await targetFindings(base().slice(0, 5), 'fireworks'), []);
    const long = base();
    (long[7]!.messages as Array<Record<string, unknown>>)[1]!.content = 'word '.repeat(66_000);
    const over = await lintDataset({ examples: long as unknown as TuneExample[], tokenizer: wordTokenizer, contextWindow: 100_000, target: 'openai' });
    assert.deepEqual(over.findings.filter((f) => f.check === 'target-schema').map((f) => [f.message, f.lines]), [["1 example(s) over openai's 65536 tokens per training example", [8]]]);
    const alpaca = TOPICS.map((t) => ({ instruction: `Describe ${t}.`, output: `${t} are worth describing in detail.` }));
    assert.deepEqual(await targetFindings(alpaca, 'mistral'), [['error', 'mistral takes chat JSONL ({"messages": [...]}), not alpaca', []]]);
    assert.deepEqual(await targetFindings(alpaca, 'axolotl'), []);
  });

  it('an unknown target is a user error', async () => {
    await assert.rejects(lintDataset({ examples: base() as unknown as TuneExample[], target: 'vertex' as LintTarget }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT' && /openai, together/.test(e.message));
  });
});
