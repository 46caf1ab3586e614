import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Answer } from '../../spec/answer.js';
import type { ChatModel } from '../../spec/chat-model.js';
import type { EvalItemResult, EvalMode, EvalRun, GoldenItem, MetricValues } from '../../spec/evaluation.js';
import type { ChatExample, PreferenceExample } from '../../spec/tune-data.js';
import { buildTrainingSet, writeTrainingSet } from './index.js';

const ABSTAIN = "I don't know based on the provided documents.";
const golden: GoldenItem[] = [
  { id: 'g1', question: 'What is the capital of France?', answers: ['Paris'], sources: [], answerable: true, context: ['The capital of France is Paris.'] },
  { id: 'g2', question: 'Which city is the capital of Italy?', answers: ['{"city":"Rome"}'], sources: [], answerable: true, context: ['Rome is the capital of Italy.'], outputSchema: { type: 'object', required: ['city'], properties: { city: { type: 'string' } } } },
  { id: 'g3', question: 'What is the capital of Atlantis?', answers: [], sources: [], answerable: false },
  { id: 'g4', question: 'What is the capital of Spain?', answers: ['Madrid'], sources: [], answerable: true, context: ['Madrid is the capital of Spain.'] },
];

function result(itemId: string, mode: EvalMode, text: string, correct: boolean, metrics: MetricValues = {}, sources: string[] = []): EvalItemResult {
  const answer: Answer = {
    question: itemId, text, abstained: text === ABSTAIN, citations: [], unsupportedClaims: [], sufficiency: 1, context: mode === 'closed-book' ? 'none' : 'given', model: 'm',
    sources: sources.map((s, i) => ({ n: i + 1, title: `retrieved ${i + 1}`, text: s })), usage: { inputTokens: 1, outputTokens: 1 }, promptTokens: 1, latencyMs: { total: 1 }, warnings: [],
  };
  return { itemId, mode, answer, metrics: { correct: correct ? 1 : 0, ...metrics }, correct };
}

const run: EvalRun = {
  id: 'run-1', createdAt: 0, dataset: { path: 'golden.jsonl', sha256: 'abc', items: 4 }, modes: ['rag', 'oracle'], config: {}, configHash: 'h', versions: {}, summary: { 'closed-book': {}, rag: {}, oracle: {} },
  results: [
    result('g1', 'oracle', 'London [1].', false, {}, ['The capital of France is Paris.']),
    result('g1', 'rag', 'London.', false, {}, ['France borders Spain.']),
    result('g2', 'oracle', 'Rome', true, { format_consistency: 0 }, ['Rome is the capital of Italy.']),
    result('g3', 'oracle', ABSTAIN, true),
    result('g3', 'rag', '42', false, {}, ['Atlantis is a legendary island.']),
    result('g4', 'oracle', 'Madrid [1].', true, { constraint_adherence: 1 }, ['Madrid is the capital of Spain.']),
  ],
};

const last = (e: ChatExample): string => e.messages.at(-1)!.content ?? '';

function teacher(reply: (prompt: string) => string): ChatModel {
  return {
    specificationVersion: 'v1', provider: 'scripted', modelId: 'big', contextWindow: 8192, supportsStreaming: false, supportsStructuredOutput: false, supportsParallelCalls: true,
    doGenerate: async ({ messages }) => ({ text: reply(messages.at(-1)!.content), finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } }),
    doStream: () => { throw new Error('not used'); },
  };
}

describe('buildTrainingSet', () => {
  it('sft: behaviour gaps and format failures become corrected, cited chat examples in the prompt shape the model failed on', async () => {
    const { examples, manifest } = await buildTrainingSet({ kind: 'sft', run, golden });
    const ex = examples as ChatExample[];
    assert.deepEqual(manifest.examples.map((e) => [e.itemIds, e.reasons, e.mode, e.target]), [
      [['g1'], ['behaviour-gap'], 'oracle', 'golden'],
      [['g2'], ['format-failure'], 'oracle', 'golden'],
    ]);
    assert.deepEqual(ex[0]!.messages.map((m) => m.role), ['system', 'user', 'assistant']);
    assert.match(ex[0]!.messages[1]!.content!, /<source n="1"[^>]*>\nThe capital of France is Paris\.\n<\/source>/);
    assert.match(ex[0]!.messages[0]!.content!, /reply exactly: I don't know based on the provided documents\./);
    assert.equal(last(ex[0]!), 'Paris [1].');
    assert.equal(last(ex[1]!), '{"city":"Rome"}', 'JSON targets are not decorated with citations');
    assert.equal(manifest.counts.examples, 2);
    assert.equal(manifest.run?.id, 'run-1');
  });

  it('sft with a teacher: its output is used when it satisfies the item, else the golden answer with a warning', async () => {
    const t = teacher((p) => (p.includes('France') ? 'Paris is the capital of France [1].' : 'Rome!'));
    const { examples, manifest } = await buildTrainingSet({ kind: 'sft', run, golden, teacher: t });
    assert.equal(last(examples[0] as ChatExample), 'Paris is the capital of France [1].');
    assert.deepEqual(manifest.examples.map((e) => [e.target, e.teacher]), [['teacher', 'scripted:big'], ['golden', undefined]]);
    assert.equal(manifest.warnings.length, 1);
    assert.match(manifest.warnings[0]!.message, /g2/);
  });

  it('rag: grounded cited answers for answerable items, the abstention text for unanswerable ones and over distractors', async () => {
    const { examples, manifest } = await buildTrainingSet({ kind: 'rag', run, golden, distractors: true });
    const rows = manifest.examples.map((e, i) => [e.reasons[0], e.itemIds[0], last(examples[i] as ChatExample)]);
    assert.deepEqual(rows.filter((r) => r[0] === 'rag-grounded'), [['rag-grounded', 'g1', 'Paris [1].'], ['rag-grounded', 'g2', '{"city":"Rome"}'], ['rag-grounded', 'g4', 'Madrid [1].']]);
    const unanswerable = manifest.examples.findIndex((e) => e.reasons[0] === 'rag-abstain-unanswerable');
    assert.equal(last(examples[unanswerable] as ChatExample), ABSTAIN);
    assert.match((examples[unanswerable] as ChatExample).messages[1]!.content!, /Atlantis is a legendary island\./, 'shows the passages its rag answer saw');
    const distractor = manifest.examples.find((e) => e.reasons[0] === 'rag-abstain-distractors' && e.itemIds[0] === 'g1')!;
    assert.ok(!distractor.itemIds.slice(1).includes('g1') && distractor.itemIds.length > 1);
    assert.ok(!(examples[distractor.index] as ChatExample).messages[1]!.content!.includes('France is Paris'), 'distractors never contain the answer passage');
    assert.equal(last(examples[distractor.index] as ChatExample), ABSTAIN);
  });

  it('dpo: the failing answer is rejected, the cited golden answer (or abstention) chosen; writes JSONL and a manifest', async () => {
    const { examples, manifest } = await buildTrainingSet({ kind: 'dpo', run, golden });
    const pairs = examples as PreferenceExample[];
    assert.deepEqual(manifest.examples.map((e) => [e.itemIds[0], e.mode]), [['g1', 'oracle'], ['g1', 'rag'], ['g2', 'oracle'], ['g3', 'rag']]);
    assert.deepEqual([pairs[1]!.chosen, pairs[1]!.rejected], ['Paris [1].', 'London.']);
    assert.deepEqual([pairs[3]!.chosen, pairs[3]!.rejected], [ABSTAIN, '42']);
    assert.equal(manifest.dataFormat, 'dpo');
    const dir = mkdtempSync(join(tmpdir(), 'fathom-evidence-'));
    try {
      const manifestPath = await writeTrainingSet({ path: join(dir, 'dpo.jsonl'), examples, manifest });
      assert.equal(manifestPath, join(dir, 'dpo.manifest.json'));
      const lines = readFileSync(join(dir, 'dpo.jsonl'), 'utf8').trim().split('\n');
      assert.equal(lines.length, 4);
      assert.deepEqual(JSON.parse(lines[3]!).rejected, '42');
      assert.equal(JSON.parse(readFileSync(manifestPath, 'utf8')).examples[3].itemIds[0], 'g3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sft without a run or golden items is a user error', async () => {
    await assert.rejects(buildTrainingSet({ kind: 'sft', golden }), /--from-run/);
    await assert.rejects(buildTrainingSet({ kind: 'sft', run: { ...run, items: undefined } }), /--golden/);
  });
});
