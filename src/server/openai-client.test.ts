/**
 * The official `openai` npm client against a real server on loopback: chat completions (non-streaming and
 * streaming) with the extractive answerer and with a real GGUF model through node-llama-cpp, models, embeddings.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import { createMockChatModel } from '../testing/mock-chat-model.js';
import { writeTinyLlamaGguf } from '../testing/tiny-gguf/index.js';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';
import { listen } from './__fixtures__/listen.js';

type Fathom = { fathom: { sources: Array<{ n: number; documentId: string }>; citations: Array<{ n: number; valid: boolean }>; abstained: boolean; logId: string } };

const bagOfWords: EmbeddingModel = {
  specificationVersion: 'v1', provider: 'test', modelId: 'bow-16', dimensions: 16, normalized: false, maxBatchSize: 64, supportsParallelCalls: true,
  async doEmbed({ values }) {
    return {
      embeddings: values.map((text) => {
        const v = new Float32Array(16);
        for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) v[[...w].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % 16]! += 1;
        return v;
      }),
      usage: { tokens: values.join(' ').split(/\s+/).length },
    };
  },
};

const mock = createMockChatModel({ reply: 'The Team plan costs 12 dollars per seat [1].' });

describe('openai client, extractive pipeline', () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  let client: OpenAI;
  before(async () => {
    t = await startTestServer({ embedder: bagOfWords, search: { mode: 'bm25' }, pipelines: { 'mock-rag': { model: mock, abstentionThreshold: 0 } } });
    http = await listen(t.server);
    client = new OpenAI({ baseURL: `${http.url}/v1`, apiKey: t.keys.reader, maxRetries: 0 });
  });
  after(async () => {
    await http.close();
    await t.close();
  });

  it('lists pipelines as models', async () => {
    const models = await client.models.list();
    assert.deepEqual(models.data.map((m) => m.id), ['fathom-rag', 'mock-rag']);
  });

  it('answers a chat completion with [n] citations and the sources in the fathom field', async () => {
    const r = await client.chat.completions.create({ model: 'fathom-rag', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Within how many days can an Enterprise customer get a full refund?' }] });
    assert.equal(r.object, 'chat.completion');
    const text = r.choices[0]!.message.content!;
    assert.match(text, /thirty days.*\[1\]/s);
    const ext = (r as unknown as Fathom).fathom;
    assert.equal(ext.abstained, false);
    assert.equal(ext.sources.find((s) => s.n === 1)!.documentId, 'refunds.md');
    assert.ok(ext.logId);
  });

  it('streams chat.completion.chunk deltas that add up to the answer, sources on the last chunk, then [DONE]', async () => {
    const stream = await client.chat.completions.create({ model: 'fathom-rag', stream: true, messages: [{ role: 'user', content: 'What does the Enterprise plan cost per seat?' }] });
    let text = '';
    let last: unknown;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      assert.equal(chunk.object, 'chat.completion.chunk');
      text += chunk.choices[0]?.delta.content ?? '';
      last = chunk;
    }
    assert.ok(chunks >= 3);
    assert.match(text, /54 dollars/);
    assert.equal((last as { choices: Array<{ finish_reason: string }> }).choices[0]!.finish_reason, 'stop');
    assert.equal((last as Fathom).fathom.sources[0]!.documentId, 'pricing.md');
  });

  it('gives the model the earlier turns for a follow-up question (model = pipeline name)', async () => {
    const r = await client.chat.completions.create({ model: 'mock-rag', messages: [
      { role: 'user', content: 'Tell me about the pricing of the Enterprise plan.' },
      { role: 'assistant', content: 'It costs 54 dollars per seat per month [1].' },
      { role: 'user', content: 'And the Team plan?' },
    ] });
    assert.match(r.choices[0]!.message.content!, /12 dollars/);
    const prompt = mock.calls.at(-1)!.messages.map((m) => m.content).join('\n');
    assert.match(prompt, /And the Team plan\?/);
    assert.match(prompt, /pricing of the Enterprise plan/, 'the earlier user turn is part of the question');
    assert.equal((r as unknown as Fathom).fathom.sources[0]!.documentId, 'pricing.md', 'retrieval used the conversation');
  });

  it('serves embeddings from the configured embedding model', async () => {
    const r = await client.embeddings.create({ model: 'bow-16', input: ['refund policy', 'encryption'] });
    assert.equal(r.data.length, 2);
    assert.equal(r.data[0]!.embedding.length, 16);
  });

  it('surfaces errors as OpenAI API errors: unknown model 404, bad key 401', async () => {
    await assert.rejects(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }), (e: unknown) => e instanceof OpenAI.NotFoundError && /fathom-rag/.test(e.message));
    const bad = new OpenAI({ baseURL: `${http.url}/v1`, apiKey: `fk_${'x'.repeat(43)}`, maxRetries: 0 });
    await assert.rejects(bad.models.list(), (e: unknown) => e instanceof OpenAI.AuthenticationError);
  });
});

const lib = await import('node-llama-cpp').catch(() => undefined);
describe('openai client, a real GGUF model through node-llama-cpp', { skip: lib ? false : 'node-llama-cpp is not installed (npm run setup:local-models)' }, () => {
  let t: TestServer;
  let http: Awaited<ReturnType<typeof listen>>;
  let client: OpenAI;
  let dispose: () => Promise<void>;
  before(async () => {
    const { createLlamaCppChatModel } = await import('../providers/llama-cpp/index.js');
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'fathom-serve-gguf-'));
    const modelPath = (await writeTinyLlamaGguf({ path: join(dir, 'tiny.gguf'), seed: 7, nCtx: 2048 })).path;
    const llama = await lib!.getLlama({ gpu: false, maxThreads: 1, logLevel: lib!.LlamaLogLevel.error });
    const chat = createLlamaCppChatModel({ modelPath, llama, threads: 1, contextSize: 2048 });
    await chat.load();
    dispose = async () => {
      await chat.dispose();
      await llama.dispose();
    };
    t = await startTestServer({ chat, pipelines: { 'fathom-rag': { model: chat, abstentionThreshold: 0, maxOutputTokens: 12 } } });
    http = await listen(t.server);
    client = new OpenAI({ baseURL: `${http.url}/v1`, apiKey: t.keys.reader, maxRetries: 0 });
  });
  after(async () => {
    await http?.close();
    await t?.close();
    await dispose?.();
  });

  it('non-streaming: the model generates, usage counts its tokens, sources are returned', async () => {
    const r = await client.chat.completions.create({ model: 'fathom-rag', messages: [{ role: 'user', content: 'What does the Enterprise plan cost?' }] });
    assert.equal(typeof r.choices[0]!.message.content, 'string');
    assert.ok(r.usage!.completion_tokens > 0 && r.usage!.completion_tokens <= 12, JSON.stringify(r.usage));
    assert.ok((r as unknown as Fathom).fathom.sources.length > 0);
  });

  it('streaming: deltas arrive and end with finish_reason stop', async () => {
    const stream = await client.chat.completions.create({ model: 'fathom-rag', stream: true, messages: [{ role: 'user', content: 'What does the Enterprise plan cost?' }] });
    let finish: string | null = null;
    let n = 0;
    for await (const chunk of stream) {
      n++;
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    assert.ok(n >= 2);
    assert.equal(finish, 'stop');
  });
});
