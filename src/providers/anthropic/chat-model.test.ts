import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ChatCallOptions, ChatStreamPart } from '../../spec/chat-model.js';
import { startAnthropicServer, type ChatServerScriptStep, type ScriptedServer } from '../../testing/anthropic-server.js';
import { FathomError } from '../../util/errors.js';
import { createAnthropicChatModel, type AnthropicChatOptions } from './chat-model.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function setup(script: ChatServerScriptStep[] = [], options: Partial<AnthropicChatOptions> = {}, chunkBytes = 6) {
  const server = await startAnthropicServer({ script, apiKey: 'ak-test', chunkBytes });
  servers.push(server);
  const delays: number[] = [];
  const model = createAnthropicChatModel({ baseURL: server.url, apiKey: 'ak-test', modelId: 'claude-test', _internal: { sleep: async (ms) => void delays.push(ms) }, ...options });
  return { server, model, delays };
}

const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;
const hi: ChatCallOptions = { messages: [{ role: 'system', content: 'Be kind.' }, { role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi there, friend ✓' }] };
async function collect(stream: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}
const text = (parts: ChatStreamPart[]) => parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');
const schema = { type: 'object', properties: { answer: { type: 'string' }, sources: { type: 'array', items: { type: 'integer' } } }, required: ['answer', 'sources'] };

describe('anthropic chat: generate', () => {
  it('posts a Messages body with top-level system, headers and max_tokens', async () => {
    const { server, model } = await setup();
    const result = await model.doGenerate({ ...hi, temperature: 0.2, stopSequences: ['\n\nHuman:'] });
    const request = server.requests[0]!;
    assert.equal(request.path, '/v1/messages');
    assert.equal(request.headers['x-api-key'], 'ak-test');
    assert.equal(request.headers['anthropic-version'], '2023-06-01');
    assert.deepEqual(request.body, { model: 'claude-test', max_tokens: 1024, messages: [{ role: 'user', content: 'hi there, friend ✓' }], system: 'Be kind.\n\nBe brief.', temperature: 0.2, stop_sequences: ['\n\nHuman:'] });
    assert.deepEqual(result, { text: 'Echo: hi there, friend ✓', finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 5 }, responseModelId: 'claude-test' });
  });

  it('maps max_tokens to length and stop_sequence to stop, and warns that seed is unsupported', async () => {
    const { model } = await setup();
    const short = await model.doGenerate({ ...hi, maxOutputTokens: 2, seed: 1 });
    assert.deepEqual([short.text, short.finishReason, short.warnings?.[0]?.setting], ['Echo: hi ', 'length', 'seed']);
    const stopped = await model.doGenerate({ ...hi, stopSequences: ['friend'] });
    assert.deepEqual([stopped.text, stopped.finishReason], ['Echo: hi there, ', 'stop']);
  });

  it('forces one tool for structured output and returns its input as JSON', async () => {
    const { server, model } = await setup();
    const result = await model.doGenerate({ ...hi, responseFormat: { type: 'json', schema, name: 'answer_with_sources' } });
    const body = server.requests[0]!.body as { tools: { name: string; input_schema: unknown }[]; tool_choice: unknown };
    assert.deepEqual(body.tool_choice, { type: 'tool', name: 'answer_with_sources' });
    assert.deepEqual(body.tools.map((t) => [t.name, t.input_schema]), [['answer_with_sources', schema]]);
    assert.deepEqual(JSON.parse(result.text), { answer: 'example', sources: [1] });
    assert.equal(result.finishReason, 'stop');
  });

  it('wraps a non-object schema in { value } and unwraps the reply', async () => {
    const { server, model } = await setup();
    const result = await model.doGenerate({ ...hi, responseFormat: { type: 'json', schema: { type: 'array', items: { type: 'string' } } } });
    const tool = (server.requests[0]!.body as { tools: { input_schema: { type: string } }[] }).tools[0]!;
    assert.equal(tool.input_schema.type, 'object');
    assert.deepEqual(JSON.parse(result.text), ['example']);
  });
});

describe('anthropic chat: stream', () => {
  it('streams text deltas split across reads, with usage and stop reason', async () => {
    const { server, model } = await setup([], {}, 4);
    const parts = await collect(model.doStream(hi));
    assert.equal((server.requests[0]!.body as { stream: boolean }).stream, true);
    assert.equal(text(parts), 'Echo: hi there, friend ✓');
    assert.deepEqual(parts.at(-1), { type: 'finish', finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 5 } });
  });

  it('streams the forced tool input as JSON text', async () => {
    const { model } = await setup();
    const parts = await collect(model.doStream({ ...hi, responseFormat: { type: 'json', schema } }));
    assert.deepEqual(JSON.parse(text(parts)), { answer: 'example', sources: [1] });
    assert.equal(parts.at(-1)?.type, 'finish');
  });

  it('yields the deltas then an error part on an error event, and error parts for cut or silent streams', async () => {
    const { model } = await setup([{ afterDeltas: 2, streamError: 'Overloaded' }, { afterDeltas: 1, streamCut: true }, { afterDeltas: 1, streamHang: true }], { timeoutMs: 400 });
    const first = await collect(model.doStream(hi));
    assert.equal(text(first), 'Echo: hi ');
    const last = first.at(-1)!;
    assert.ok(last.type === 'error' && isCode('PROVIDER_REQUEST_FAILED')(last.error) && /Overloaded/.test((last.error as Error).message));
    const codes = [];
    for (let i = 0; i < 2; i++) {
      const end = (await collect(model.doStream(hi))).at(-1)!;
      codes.push(end.type === 'error' && FathomError.isInstance(end.error) ? end.error.code : end.type);
    }
    assert.deepEqual(codes, ['PROVIDER_REQUEST_FAILED', 'PROVIDER_TIMEOUT']);
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

describe('anthropic chat: faults', () => {
  it('retries 429 with Retry-After and 529 overloaded, then succeeds (also for streams)', async () => {
    const overloaded = { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } };
    const { server, model, delays } = await setup([{ status: 429, headers: { 'retry-after': '3' } }, overloaded, 'ok', overloaded]);
    assert.equal((await model.doGenerate(hi)).text, 'Echo: hi there, friend ✓');
    assert.equal(delays[0], 3000);
    assert.equal(text(await collect(model.doStream(hi))), 'Echo: hi there, friend ✓');
    assert.equal(server.requests.length, 5);
  });

  it('does not retry 401 or 400, and names the server message', async () => {
    const { server, model } = await setup([], { apiKey: 'wrong' });
    await assert.rejects(model.doGenerate(hi), (e: unknown) => isCode('PROVIDER_AUTH_FAILED')(e) && /invalid x-api-key/.test((e as Error).message));
    await assert.rejects(collect(model.doStream(hi)), isCode('PROVIDER_AUTH_FAILED'));
    assert.equal(server.requests.length, 2);
    const { server: s2, model: m2 } = await setup();
    await assert.rejects(m2.doGenerate({ messages: [] }), (e: unknown) => isCode('PROVIDER_REQUEST_FAILED')(e) && /at least one message/.test((e as Error).message));
    assert.equal(s2.requests.length, 1);
  });

  it('times out, reports malformed bodies, and stops on abort', async () => {
    const { model } = await setup([{ hang: true }, { rawBody: '{"content": [' }, { status: 200, body: { content: 'nope' } }, { hang: true }], { timeoutMs: 150, maxRetries: 0 });
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_TIMEOUT'));
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_BAD_RESPONSE'));
    await assert.rejects(model.doGenerate(hi), isCode('PROVIDER_BAD_RESPONSE'));
    await assert.rejects(model.doGenerate({ ...hi, abortSignal: AbortSignal.timeout(30) }), isCode('INTERRUPTED'));
  });
});
