import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tokenizer } from '../../spec/tokenizer.js';
import type { TuneExample } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { cleanExamples, evalQuestions, plantedDataset, words } from './__fixtures__/planted-dataset.js';
import { lintDataset } from './lint-dataset.js';

/** One token per whitespace-separated word: fast and predictable. */
const wordTokenizer: Tokenizer = {
  id: 'test:words',
  count: (text) => text.split(/\s+/).filter(Boolean).length,
  encode: () => ({ ids: [], offsets: [] }),
};

function withFile<T>(lines: string[], run: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'fathom-lint-'));
  const path = join(dir, 'data.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return run(path).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const chat = (user: string, assistant: string, system?: string): TuneExample => ({
  messages: [...(system ? [{ role: 'system', content: system }] : []), { role: 'user', content: user }, { role: 'assistant', content: assistant }],
});

test('finds every planted defect at its lines, and nothing else', async () => {
  const { lines, expected } = plantedDataset();
  const report = await withFile(lines, (path) => lintDataset({ path, tokenizer: wordTokenizer, contextWindow: 300, evalQuestions }));
  for (const want of expected) {
    const found = report.findings.find((f) => f.check === want.check && want.message.test(f.message));
    assert.ok(found, `no ${want.check} finding matching ${want.message}; got ${JSON.stringify(report.findings.map((f) => [f.check, f.message, f.lines]))}`);
    assert.deepEqual(found.lines, want.lines, `${want.check}: ${found.message}`);
    assert.equal(found.severity, want.severity, `${want.check}: ${found.message}`);
    assert.ok(found.hint.length > 10);
  }
  assert.equal(report.findings.length, expected.length, JSON.stringify(report.findings.map((f) => [f.check, f.message, f.lines])));
  assert.equal(report.summary.examples, lines.length);
  assert.equal(report.summary.errors, expected.filter((e) => e.severity === 'error').length);
});

test('a clean file produces no findings', async () => {
  const lines = cleanExamples().map((e) => JSON.stringify(e));
  const report = await withFile(lines, (path) => lintDataset({ path, tokenizer: wordTokenizer, contextWindow: 300, evalQuestions }));
  assert.deepEqual(report.findings, []);
  assert.equal(report.summary.examples, 24);
  assert.equal(report.summary.format, 'chat');
  assert.ok(report.summary.tokens.max > 0 && report.summary.tokens.max < 300);
});

test('answers are checked against a JSON Schema and an output pattern', async () => {
  const w = words(3);
  const examples = Array.from({ length: 12 }, (_, i) => chat(`${w(6)}?`, JSON.stringify({ label: i % 2 ? 'a' : 'b', why: w(4) })));
  examples[3] = chat(`${w(6)}?`, 'not json at all.');
  examples[8] = chat(`${w(6)}?`, JSON.stringify({ why: w(3) }));
  const schema = { type: 'object', required: ['label', 'why'], properties: { label: { enum: ['a', 'b'] } } };
  const report = await lintDataset({ examples, schema, tokenizer: wordTokenizer });
  assert.deepEqual(report.findings.map((f) => [f.check, f.lines, f.message]), [
    ['output-schema', [4], 'answer is not JSON'],
    ['output-schema', [9], 'answer fails the schema: $: missing required property "label"'],
  ]);
  const pattern = await lintDataset({ examples, outputPattern: '^\\{', tokenizer: wordTokenizer });
  assert.deepEqual(pattern.findings.map((f) => [f.check, f.lines]), [['output-format', [4]]]);
});

test('without a pattern, an answer that breaks the dominant final-line format is flagged (gsm8k #### N)', async () => {
  const w = words(5);
  const examples = Array.from({ length: 20 }, (_, i) => chat(`${w(7)}?`, `${w(10 + i)}.\n#### ${i * 7}`));
  examples[13] = chat(`${w(7)}?`, `${w(12)}. The answer is 91.`);
  const report = await lintDataset({ examples, tokenizer: wordTokenizer });
  assert.deepEqual(report.findings.map((f) => [f.check, f.severity, f.lines]), [['output-format', 'warning', [14]]]);
});

test('label outputs: the rare class is reported', async () => {
  const w = words(9);
  const examples = Array.from({ length: 14 }, (_, i) => chat(`${w(8)}?`, i === 4 || i === 9 ? 'negative' : 'positive'));
  const report = await lintDataset({ examples, tokenizer: wordTokenizer });
  assert.deepEqual(report.findings.map((f) => [f.check, f.lines]), [['class-balance', [5, 10]]]);
  assert.match(report.findings[0]!.message, /positive: 12, negative: 2/);
});

test('dataset-wide diversity: one system prompt, repetitive prompts, uniform answer lengths', async () => {
  const w = words(11);
  const shared = Array.from({ length: 20 }, (_, i) => chat(`${w(8)}?`, `${w(4 + ((i * 7) % 30))}.`, 'You are a helpful assistant.'));
  const sys = await lintDataset({ examples: shared, tokenizer: wordTokenizer });
  assert.deepEqual(sys.findings.map((f) => [f.check, f.severity, f.message]), [['diversity', 'info', '20 of 20 examples (100%) share one system prompt']]);
  const repetitive = Array.from({ length: 20 }, (_, i) => chat(`tell me about lo ka mi tre su ${['x', 'y', 'z', 'q'][i % 4]} ${i}`, `${w(5 + i * 2)}.`));
  const rep = await lintDataset({ examples: repetitive, tokenizer: wordTokenizer });
  assert.ok(rep.findings.some((f) => f.check === 'diversity' && /distinct-2 ratio/.test(f.message)), JSON.stringify(rep.findings));
  const uniform = Array.from({ length: 20 }, () => chat(`${w(8)}?`, `${w(20)}.`));
  const uni = await lintDataset({ examples: uniform, tokenizer: wordTokenizer });
  assert.deepEqual(uni.findings.map((f) => [f.check, /same length/.test(f.message)]), [['diversity', true]]);
});

test('DPO pairs: empty rejected answers are errors; user errors are FathomErrors', async () => {
  const report = await lintDataset({ examples: [{ prompt: 'Hi there?', chosen: 'Hello.', rejected: '' }], tokenizer: wordTokenizer });
  assert.deepEqual(report.findings.map((f) => [f.check, f.lines]), [['empty-turn', [1]]]);
  await assert.rejects(lintDataset({ path: join(tmpdir(), 'fathom-no-such-file.jsonl') }), (e: unknown) => FathomError.isInstance(e) && e.code === 'PATH_NOT_FOUND');
  await assert.rejects(lintDataset({ examples: [] }), (e: unknown) => FathomError.isInstance(e) && e.code === 'FILE_EMPTY');
});
