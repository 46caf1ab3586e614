import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMockChatModel, type MockChatModelOptions } from '../../testing/mock-chat-model.js';
import { createJudge } from './create-judge.js';

const scriptedChatModel = (reply: MockChatModelOptions['reply']) => createMockChatModel({ reply, provider: 'scripted', modelId: 'judge-1', usage: { inputTokens: 100, outputTokens: 20 } });

describe('createJudge', () => {
  it('asks for a structured verdict with an enum of labels and scores it from the rubric', async () => {
    const model = scriptedChatModel(() => JSON.stringify({ reasoning: 'same fact', label: 'correct' }));
    const judge = createJudge({ model });
    const v = await judge.doJudge({ question: 'Enterprise price?', answer: '$54', references: ['$54 per seat per month'] });
    assert.equal(v.score, 1);
    assert.equal(v.label, 'correct');
    assert.deepEqual(v.judge, { model: 'scripted:judge-1', promptId: 'correctness@1', runs: 1, usage: { inputTokens: 100, outputTokens: 20 } });
    const call = model.calls[0]!;
    const schema = call.responseFormat?.schema as { properties: { label: { enum: string[] } } };
    assert.deepEqual(schema.properties.label.enum, ['correct', 'partially-correct', 'incorrect']);
    assert.match(call.messages[1]!.content, /REFERENCE answers:\n- \$54 per seat per month/);
  });

  it('runs n times: mean score, modal label, agreement, summed usage', async () => {
    const replies = ['correct', 'incorrect', 'correct', 'partially-correct'];
    const model = scriptedChatModel((_c, i) => JSON.stringify({ reasoning: `r${i}`, label: replies[i] }));
    const v = await createJudge({ model, runs: 4, temperature: 0.7 }).doJudge({ question: 'q', answer: 'a' });
    assert.equal(v.score, (1 + 0 + 1 + 0.5) / 4);
    assert.equal(v.label, 'correct');
    assert.equal(v.judge.agreement, 0.5);
    assert.deepEqual(v.judge.usage, { inputTokens: 400, outputTokens: 80 });
    assert.equal(model.calls[0]!.temperature, 0.7);
  });

  it('rejects a verdict whose label is not in the rubric, and bad options', async () => {
    const model = scriptedChatModel(() => JSON.stringify({ reasoning: 'x', label: 'yes' }));
    await assert.rejects(createJudge({ model, rubric: 'faithfulness' }).doJudge({ question: 'q', answer: 'a', passages: ['p'] }), (e: Error & { code?: string }) => e.code === 'PROVIDER_BAD_RESPONSE');
    assert.throws(() => createJudge({ model, runs: 0 }), /positive integer/);
  });
});
