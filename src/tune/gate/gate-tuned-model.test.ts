import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatCallOptions, ChatModel } from '../../spec/chat-model.js';
import type { GoldenItem } from '../../spec/evaluation.js';
import { compareRuns } from '../../evaluate/compare/index.js';
import { evaluate } from '../../evaluate/run/index.js';
import { gateTunedModel, type GateEvaluation } from './index.js';

const evaluation: GateEvaluation = { evaluate, compareRuns };
const schema = { type: 'object', required: ['answer'], properties: { answer: { type: 'string' } } };
const id = (i: number): string => String(i).padStart(2, '0');
/** 20 behaviour items: JSON answers from a given passage. */
const golden: GoldenItem[] = Array.from({ length: 20 }, (_, i) => ({
  id: `g${id(i)}`, question: `What is the code of item Q${id(i)}?`, answers: [`{"answer":"code${id(i)}"}`], sources: [], answerable: true,
  context: [`The code of item Q${id(i)} is code${id(i)}.`], outputSchema: schema, constraints: [{ type: 'max-length', chars: 200 }],
}));
/** 10 closed-book capability items. */
const regression: GoldenItem[] = Array.from({ length: 10 }, (_, i) => ({ id: `r${id(i)}`, question: `What is capital number R${id(i)}?`, answers: [`city${id(i)}`], sources: [], answerable: true }));

/** A chat model whose reply for item number n (read from the prompt) is scripted. */
function model(modelId: string, reply: (kind: 'Q' | 'R', n: number) => string): ChatModel & { calls: ChatCallOptions[] } {
  const calls: ChatCallOptions[] = [];
  return {
    specificationVersion: 'v1', provider: 'scripted', modelId, contextWindow: 8192, supportsStreaming: false, supportsStructuredOutput: false, supportsParallelCalls: true, calls,
    doGenerate: async (call) => {
      calls.push(call);
      const m = /(Q|R)(\d\d)\?/.exec(call.messages.at(-1)!.content)!;
      return { text: reply(m[1] as 'Q' | 'R', Number(m[2])), finishReason: 'stop', usage: { inputTokens: 10, outputTokens: 5 } };
    },
    doStream: () => { throw new Error('not used'); },
  };
}
const good = (kind: 'Q' | 'R', n: number): string => (kind === 'Q' ? `{"answer":"code${id(n)}"}` : `city${id(n)}`);

describe('gateTunedModel', () => {
  it('fails a tuned model that breaks the format on 10% of items, naming format consistency', async () => {
    const base = model('base', good);
    const tuned = model('tuned', (kind, n) => (kind === 'Q' && n % 10 === 3 ? `The answer is code${id(n)}` : good(kind, n)));
    const report = await gateTunedModel({ base, tuned, golden, regression, evaluation });
    assert.equal(report.passed, false);
    assert.ok(report.failed.includes('formatConsistency'), report.failed.join(','));
    const fc = report.checks.find((c) => c.name === 'formatConsistency')!;
    assert.equal(fc.base, 1);
    assert.equal(fc.tuned, 0.9);
    assert.ok(Math.abs(fc.delta + 0.1) < 1e-9);
    assert.ok(fc.ci95[0] <= fc.delta && fc.delta <= fc.ci95[1] && fc.n === 20);
    assert.equal(report.checks.find((c) => c.name === 'regression')!.failed, false);
    assert.equal(report.checks.find((c) => c.name === 'errors' && c.set === 'golden')!.failed, false, 'non-JSON replies are scored, not errored');
    assert.ok(tuned.calls.some((c) => c.responseFormat?.type === 'json'), 'the JSON schema is requested');
    assert.match(tuned.calls[0]!.messages[1]!.content, /The code of item Q\d\d is code\d\d\./, 'golden items are answered with their given passages');
  });

  it('passes a tuned model that keeps the format and improves answers; fails one that forgets general knowledge', async () => {
    const base = model('base', (kind, n) => (kind === 'Q' && n < 5 ? '{"answer":"unsure"}' : good(kind, n)));
    const improved = await gateTunedModel({ base, tuned: model('tuned', good), golden, regression, evaluation });
    assert.equal(improved.passed, true, improved.failed.join(','));
    assert.ok(improved.checks.find((c) => c.name === 'answerF1')!.delta > 0);
    const forgetful = await gateTunedModel({ base, tuned: model('tuned', (kind, n) => (kind === 'R' && n < 3 ? 'no idea' : good(kind, n))), golden, regression, evaluation });
    assert.deepEqual(forgetful.failed, ['regression']);
    assert.equal(forgetful.checks.find((c) => c.name === 'regression')!.mode, 'closed-book');
  });

  it('gateOn ci tests the interval: a single-item slip is within noise there but not on the point estimate', async () => {
    const base = model('base', good);
    const tuned = model('tuned', (kind, n) => (kind === 'Q' && n === 7 ? 'code07' : good(kind, n)));
    const strict = await gateTunedModel({ base, tuned, golden, evaluation });
    assert.ok(strict.failed.includes('formatConsistency'));
    const lenient = await gateTunedModel({ base, tuned, golden, evaluation, gateOn: 'ci' });
    assert.equal(lenient.passed, true, lenient.failed.join(','));
    assert.equal(lenient.checks.find((c) => c.name === 'regression'), undefined, 'no regression set, no regression check');
  });
});
