import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answer } from '../../spec/answer.js';
import { createMockChatModel } from '../../testing/mock-chat-model.js';
import { startTestServer, type TestServer } from '../__fixtures__/test-server.js';
import { createServer } from '../create-server.js';

const QUOTE = { id: 'quote', system: 'You are a careful support agent.', instructions: 'Quote the sentence that answers, then cite it.', examples: [{ question: 'Q?', answer: 'A [1].' }] };
const chat = createMockChatModel({ reply: 'Thirty days [1].' });
let t: TestServer;
before(async () => {
  t = await startTestServer({ chat, prompts: [{ id: 'default' }, QUOTE] });
});
after(() => t.close());

describe('prompt variants through the API', () => {
  it('lists the configured variants (GET /v1/prompts) and answers /v1/ask with the chosen one, recorded in the audit entry', async () => {
    const list = (await (await t.req('/v1/prompts')).json()) as { data: unknown[] };
    assert.deepEqual(list.data, [{ id: 'default', examples: 0 }, { id: 'quote', system: QUOTE.system, instructions: QUOTE.instructions, examples: 1 }]);
    const question = 'Within how many days can an Enterprise customer get a full refund?';
    const r = await t.req('/v1/ask', { json: { question, prompt: 'quote' } });
    assert.equal(r.status, 200);
    const a = (await r.json()) as Answer;
    const system = chat.calls.at(-1)!.messages.find((m) => m.role === 'system')!.content;
    assert.ok(system.startsWith(QUOTE.system) && system.includes(QUOTE.instructions), system);
    assert.equal(chat.calls.at(-1)!.messages.filter((m) => m.role === 'assistant').length, 1, 'the few-shot example is in the prompt');
    const entry = (await (await t.req(`/v1/audit/${a.logId}`)).json()) as { metadata: { promptVariant?: string } };
    assert.equal(entry.metadata.promptVariant, 'quote');
    await t.req('/v1/ask', { json: { question } });
    assert.ok(!chat.calls.at(-1)!.messages.find((m) => m.role === 'system')!.content.includes(QUOTE.instructions), 'no variant unless asked');
  });

  it('refuses an unknown variant with the ones it has (404), a bad one (400), and duplicate ids at start', async () => {
    const r = await t.req('/v1/ask', { json: { question: 'x', prompt: 'terse' } });
    assert.equal(r.status, 404);
    assert.match(((await r.json()) as { error: { message: string } }).error.message, /No prompt variant "terse": use one of default, quote/);
    assert.equal((await t.req('/v1/ask', { json: { question: 'x', prompt: '' } })).status, 400);
    assert.throws(() => createServer({ store: t.store, prompts: [{ id: 'a' }, { id: 'a' }] }), { code: 'INVALID_CONFIG' });
  });

  it('a pipeline with a prompt answers /v1/chat/completions and /v1/ask with it (a request\'s own prompt wins); an unknown id fails at start', async () => {
    const piped = await startTestServer({ chat, prompts: [QUOTE], pipelines: { careful: { model: chat, prompt: 'quote' } } });
    try {
      const systemOfLastCall = () => chat.calls.at(-1)!.messages.find((m) => m.role === 'system')!.content;
      const r = await piped.req('/v1/chat/completions', { json: { model: 'careful', messages: [{ role: 'user', content: 'Within how many days can an Enterprise customer get a full refund?' }] } });
      assert.equal(r.status, 200, await r.clone().text());
      assert.ok(systemOfLastCall().includes(QUOTE.instructions), systemOfLastCall());
      assert.equal((await piped.req('/v1/ask', { json: { question: 'refund days?', pipeline: 'careful' } })).status, 200);
      assert.ok(systemOfLastCall().includes(QUOTE.instructions));
      assert.equal((await piped.req('/v1/chat/completions', { json: { model: 'fathom-rag', messages: [{ role: 'user', content: 'refund days?' }] } })).status, 200);
      assert.ok(!systemOfLastCall().includes(QUOTE.instructions), 'the default pipeline has no variant');
    } finally {
      await piped.close();
    }
    assert.throws(() => createServer({ store: t.store, prompts: [QUOTE], pipelines: { careful: { prompt: 'terse' } } }), (e: { code?: string; message?: string }) => e.code === 'INVALID_CONFIG' && /Pipeline "careful" uses prompt variant "terse"/.test(e.message ?? ''));
  });

  it('lists none on a server without variants', async () => {
    const bare = await startTestServer();
    try {
      assert.deepEqual(await (await bare.req('/v1/prompts')).json(), { data: [] });
      assert.equal((await bare.req('/v1/ask', { json: { question: 'x', prompt: 'quote' } })).status, 404);
    } finally {
      await bare.close();
    }
  });
});
