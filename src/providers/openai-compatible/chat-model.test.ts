import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ChatCallOptions, ChatStreamPart } from '../../spec/chat-model.js';
import { startOpenAIChatServer, type ChatServerScriptStep, type ScriptedServer } from '../../testing/openai-chat-server.js';
import { FathomError } from '../../util/errors.js';
import { createOpenAICompatibleChatModel, type OpenAICompatibleChatOptions } from './chat-model.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function setup(script: ChatServerScriptStep[] = [], options: Partial<OpenAICompatibleChatOptions> = {}, chunkBytes = 5) {
  const server = await startOpenAIChatServer({ script, apiKey: 'sk-test', chunkBytes });
  servers.push(server);
  const delays: number[] = [];
  const model = createOpenAICompatibleChatModel({ baseURL: server.url, apiKey: 'sk-test', modelId: 'test-chat', _internal: { sleep: async (ms) => void delays.push(ms) }, ...options });
  return { server, model, delays };
}

const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;
const hi: ChatCallOptions = { messages: [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'hi there, friend ✓' }] };
async function collect(stream: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}
const text = (parts: ChatStreamPart[]) => parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');

describe('openai-compatible chat: generate', () => {
  it('posts the chat-completions body and returns text, usage, finish reason and model', async () => {
    const { server, model } = await setup();
    const result = await model.doGenerate({ ...hi, maxOutputTokens: 50, temperature: 0, topP: 0.9, seed: 4, stopSequences: ['END'], headers: { 'x-trace': '1' } });
    const request = server.requests[0]!;
    assert.equal(request.path, '/v1/chat/completions');
    assert.equal(request.headers.authorization, 'Bearer sk-test');
    assert.equal(request.headers['x-trace'], '1');
    assert.deepEqual(request.body, { model: 'test-chat', messages: hi.messages, max_tokens: 50, temperature: 0, top_p: 0.9, stop: ['END'], seed: 4 });
    assert.deepEqual(result, { text: 'Echo: hi there, friend ✓', finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 5 }, responseModelId: 'test-chat-2025' });
  });

  it('maps a truncated reply to finishReason length and can name max_completion_tokens', async () => {
    const { server, model } = await setup([], { maxTokensField: 'max_completion_tokens' });
    const result = await model.doGenerate({ ...hi, maxOutputTokens: 2 });
    assert.equal((server.requests[0]!.body as Record<string, unknown>).max_completion_tokens, 2);
    assert.deepEqual([result.text, result.finishReason], ['Echo: hi ', 'length']);
    const filtered = await model.doGenerate({ ...hi });
    assert.equal(filtered.finishReason, 'stop');
    const { model: m2 } = await setup([{ reply: 'no', finishReason: 'content_filter' }]);
    assert.equal((await m2.doGenerate(hi)).finishReason, 'content-filter');
  });

  it('requests json_schema structured output and gets schema-valid JSON', async () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' }, score: { type: 'number' } }, required: ['answer', 'score'], additionalProperties: false };
    const { server, model } = await setup();
    const result = await model.doGenerate({ ...hi, responseFormat: { type: 'json', schema, name: 'verdict' } });
    assert.deepEqual((server.requests[0]!.body as Record<string, unknown>).response_format, { type: 'json_schema', json_schema: { name: 'verdict', schema, strict: true } });
    const parsed = JSON.parse(result.text) as { answer: unknown; score: unknown };
    assert.equal(typeof parsed.answer, 'string');
    assert.equal(typeof parsed.score, 'number');
  });

  it('falls back to json_object with a warning when structured output is not enforced', async () => {
    const { server, model } = await setup([], { supportsStructuredOutput: false });
    const result = await model.doGenerate({ ...hi, responseFormat: { type: 'json', schema: { type: 'object' } } });
    assert.deepEqual((server.requests[0]!.body as Record<string, unknown>).response_format, { type: 'json_object' });
    assert.equal(result.warnings?.[0]?.type, 'unsupported-setting');
    assert.equal(model.supportsStructuredOutput, false);
  });
});

describe('openai-compatible chat: stream', () => {
  it('streams deltas split across reads, with usage and finish reason', async () => {
    const { server, model } = await setup([], {}, 3);
    const parts = await collect(model.doStream({ ...hi, maxOutputTokens: 3 }));
    const body = server.requests[0]!.body as Record<string, unknown>;
    assert.deepEqual([body.stream, body.stream_options], [true, { include_usage: true }]);
    assert.equal(text(parts), 'Echo: hi there, ');
    assert.ok(parts.filter((p) => p.type === 'text-delta').length === 3);
    assert.deepEqual(parts.at(-1), { type: 'finish', finishReason: 'length', usage: { inputTokens: 12, outputTokens: 3 } });
  });

  it('yields the deltas, then an error part, when the server reports an error mid-stream', async () => {
    const { model } = await setup([{ afterDeltas: 2, streamError: 'model overloaded' }]);
    const parts = await collect(model.doStream(hi));
    assert.equal(text(parts), 'Echo: hi ');
    const last = parts.at(-1)!;
    assert.ok(last.type === 'error' && isCode('PROVIDER_REQUEST_FAILED')(last.error) && /model overloaded/.test((last.error as Error).message));
  });

  it('reports a malformed chunk, a dropped connection and a silent server as error parts', async () => {
    const { model } = await setup([{ afterDeltas: 1, streamRaw: 'data: {"choices": [\n\n' }, { afterDeltas: 1, streamCut: true }, { afterDeltas: 1, streamHang: true }], { timeoutMs: 400 });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const last = (await collect(model.doStream(hi))).at(-1)!;
      codes.push(last.type === 'error' && FathomError.isInstance(last.error) ? last.error.code : last.type);
    }
    assert.deepEqual(codes, ['PROVIDER_BAD_RESPONSE', 'PROVIDER_REQUEST_FAILED', 'PROVIDER_TIMEOUT']);
  });

  it('retries a stream that fails before it starts, and never retries 401', async () => {
    const { server, model, delays } = await setup([{ status: 429, headers: { 'retry-after': '1' } }, { status: 503 }]);
    assert.equal(text(await collect(model.doStream(hi))), 'Echo: hi there, friend ✓');
    assert.equal(server.requests.length, 3);
    assert.equal(delays[0], 1000);
    const { server: s2, model: bad } = await setup([], { apiKey: 'wrong' });
    await assert.rejects(collect(bad.doStream(hi)), isCode('PROVIDER_AUTH_FAILED'));
    assert.equal(s2.requests.length, 1);
  });

  it('stops with INTERRUPTED when aborted mid-stream', async () => {
    const { model } = await setup([{ afterDeltas: 1, streamHang: true }]);
    const controller = new AbortController();
    const parts: ChatStreamPart[] = [];
    for await (const part of model.doStream({ ...hi, abortSignal: controller.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    const last = parts.at(-1)!;
    assert.ok(last.type === 'error' && isCode('INTERRUPTED')(last.error));
  });
});

describe('openai-compatible chat: faults', () => {
  it('retries 429 (honouring Retry-After) and 500, then succeeds', async () => {
    const { server, model, delays } = await setup([{ status: 429, headers: { 'retry-after': '2' } }, { status: 500 }]);
    assert.equal((await model.doGenerate(hi)).text, 'Echo: hi there, friend ✓');
    assert.equal(server.requests.length, 3);
    assert.equal(delays[0], 2000);
  });

  it('gives up after maxRetries, and does not retry 401', async () => {
    const { server, model } = await setup([{ status: 500 }, { status: 500 }], { maxRetries: 1 });
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_REQUEST_FAILED'));
    assert.equal(server.requests.length, 2);
    const { server: s2, model: bad } = await setup([], { apiKey: 'wrong' });
    await assert.rejects(bad.doGenerate(hi), (e: unknown) => isCode('PROVIDER_AUTH_FAILED')(e) && /apiKey/.test((e as Error).message));
    assert.equal(s2.requests.length, 1);
  });

  it('times out, reports malformed JSON and a wrong shape, and stops on abort', async () => {
    const { model } = await setup([{ hang: true }, { rawBody: '{"choices": [' }, { status: 200, body: { choices: [] } }, { hang: true }], { timeoutMs: 150, maxRetries: 0 });
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_TIMEOUT'));
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_BAD_RESPONSE'));
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_BAD_RESPONSE'));
    await assert.rejects(model.doGenerate({ ...hi, abortSignal: AbortSignal.timeout(30) }), isCode('INTERRUPTED'));
  });
});
