import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../decide/diagnose.js';
import { answer } from '../../generate/answer.js';
import type { PromptVariant } from '../../spec/answer.js';
import type { GoldenItem } from '../../spec/evaluation.js';
import { createMockChatModel } from '../../testing/mock-chat-model.js';
import { FathomError } from '../../util/errors.js';
import { evaluate, type EvalPipeline } from './evaluate.js';

// 20 closed-book items; the model knows every code but says it plainly only when told to answer with the code alone.
const items: GoldenItem[] = Array.from({ length: 20 }, (_, i) => ({ id: `q${i}`, question: `What is the code of part ${i}?`, answers: [`K-${i}`], sources: [], answerable: true }));
const variants: PromptVariant[] = [
  { id: 'baseline' },
  { id: 'code-only', instructions: 'Reply with the code alone.', examples: [{ question: 'What is the code of part 99?', answer: 'K-99' }] },
];

function pipelineFor(model = createMockChatModel({
  reply: (call) => {
    const system = call.messages[0]!.content;
    const part = Number(/part (\d+)\?/.exec(call.messages.at(-1)!.content)?.[1]);
    return system.includes('code alone') || part < 4 ? `K-${part}` : 'Part codes are listed in the catalogue.';
  },
})): { pipeline: EvalPipeline; model: ReturnType<typeof createMockChatModel> } {
  return { model, pipeline: { answer: (o) => answer({ tenant: 't', model, question: o.question, context: o.context, prompt: { variant: o.prompt }, log: false, signal: o.signal }) } };
}

describe('evaluate with prompt variants', () => {
  it('runs every variant on the same items, versions each prompt and compares it with the baseline (paired bootstrap)', async () => {
    const { pipeline, model } = pipelineFor();
    const run = await evaluate({ items, pipeline, modes: ['closed-book'], prompts: variants, config: { answerer: 'mock:mock-chat' } });
    assert.equal(model.calls.length, 40);
    const withVariant = model.calls.filter((c) => c.messages[0]!.content.includes('Reply with the code alone.'));
    assert.equal(withVariant.length, 20);
    assert.ok(withVariant.every((c) => c.messages[1]!.role === 'user' && c.messages[2]!.role === 'assistant' && c.messages[2]!.content === 'K-99'), 'few-shot pair before the question');
    const p = run.prompts!;
    assert.equal(p.baseline, 'baseline');
    assert.equal(p.best, 'code-only');
    assert.equal(p.mode, 'closed-book');
    const [base, better] = p.variants;
    assert.equal(base!.correct, 0.2);
    assert.equal(better!.correct, 1);
    assert.ok(Math.abs(better!.delta - 0.8) < 1e-9);
    assert.ok(better!.ci95[0] > 0.5 && better!.ci95[1] <= 1, `ci ${better!.ci95}`);
    assert.equal(better!.n, 20);
    assert.match(better!.sha256, /^[0-9a-f]{64}$/);
    assert.notEqual(base!.sha256, better!.sha256);
    assert.deepEqual(run.config.prompts, p.variants.map((v) => ({ id: v.id, sha256: v.sha256 })));
    assert.equal(run.results.filter((r) => r.correct).length, 4, 'the run results are the baseline\'s');
    assert.equal(p.results['code-only']!.filter((r) => r.correct).length, 20);

    const d = diagnose({ run });
    assert.equal(d.recommendation.primary, 'better-prompt');
    assert.match(d.recommendation.actions[0]!.why, /use prompt variant "code-only" first: \+80\.0 pts correct over "baseline" \(95% CI \+\d+\.\d pts to \+\d+\.\d pts, paired bootstrap on 20 items\)/);
    assert.ok(d.recommendation.evidence.some((e) => /prompt "code-only": closed-book correct 100\.0%/.test(e)));
  });

  it('does not recommend a variant whose interval reaches 0', async () => {
    const { pipeline } = pipelineFor(createMockChatModel({ reply: (call) => (/part [0-3]\?/.test(call.messages.at(-1)!.content) ? 'K-0 K-1 K-2 K-3' : 'no idea') }));
    const run = await evaluate({ items, pipeline, modes: ['closed-book'], prompts: variants });
    const d = diagnose({ run });
    assert.notEqual(d.recommendation.actions[0]?.why.startsWith('use prompt variant'), true);
    assert.ok(d.recommendation.evidence.some((e) => /no prompt variant beats "baseline" with confidence/.test(e)));
  });

  it('rejects bad variants and the extractive answerer with INVALID_ARGUMENT', async () => {
    const { pipeline } = pipelineFor();
    const rejects = (prompts: unknown[], pattern: RegExp, answerer?: string) =>
      assert.rejects(evaluate({ items, pipeline, modes: ['closed-book'], prompts: prompts as PromptVariant[], answerer }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT' && pattern.test(e.message));
    await rejects([{ id: 'a' }, { id: 'a' }], /"a" is used twice/);
    await rejects([{ id: 'a', sytem: 'x' }], /unknown field "sytem"/);
    await rejects([{ id: 'a', examples: [{ question: 'q' }] }], /"examples" must be a list/);
    await rejects([{ id: 'a' }], /extractive answerer has no prompt/, 'extractive');
  });
});
