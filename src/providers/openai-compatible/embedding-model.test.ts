import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { hashEmbed, startOpenAICompatibleServer, type ScriptedServer, type ServerScriptStep } from '../../testing/openai-compatible-server.js';
import { embedMany } from '../../core/embed-many.js';
import { FathomError } from '../../util/errors.js';
import { createOpenAICompatibleEmbeddingModel, type OpenAICompatibleEmbeddingOptions } from './embedding-model.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function setup(script: ServerScriptStep[] = [], options: Partial<OpenAICompatibleEmbeddingOptions> = {}, embed?: (t: string[]) => number[][]) {
  const server = await startOpenAICompatibleServer({ script, embed, apiKey: 'sk-test' });
  servers.push(server);
  const delays: number[] = [];
  const model = createOpenAICompatibleEmbeddingModel({
    baseURL: server.url, apiKey: 'sk-test', modelId: 'test-embedding', dimensions: 8,
    _internal: { sleep: async (ms) => void delays.push(ms) }, ...options,
  });
  return { server, model, delays };
}

const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;

describe('openai-compatible embeddings: success', () => {
  it('posts the OpenAI body and returns vectors in order with usage', async () => {
    const { server, model } = await setup();
    const result = await model.doEmbed({ values: ['alpha beta', 'gamma'] });
    const request = server.requests[0]!;
    assert.equal(request.path, '/v1/embeddings');
    assert.equal(request.headers.authorization, 'Bearer sk-test');
    assert.deepEqual(request.body, { model: 'test-embedding', input: ['alpha beta', 'gamma'], encoding_format: 'float' });
    assert.deepEqual(Array.from(result.embeddings[1]!), Array.from(Float32Array.from(hashEmbed(['gamma'])[0]!)));
    assert.deepEqual(result.usage, { tokens: 3 });
  });

  it('decodes base64 vectors to the same values as float', async () => {
    const { model } = await setup([], { encodingFormat: 'base64' });
    const result = await model.doEmbed({ values: ['x', 'y'] });
    assert.deepEqual(Array.from(result.embeddings[0]!), Array.from(Float32Array.from(hashEmbed(['x'])[0]!)));
  });

  it('applies the query prefix only to queries', async () => {
    const { server, model } = await setup([], { queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    await model.doEmbed({ values: ['a'], kind: 'query' });
    await model.doEmbed({ values: ['a'] });
    assert.deepEqual(server.requests.map((r) => (r.body as { input: string[] }).input), [['query: a'], ['passage: a']]);
  });

  it('splits requests at maxBatchSize through embedMany', async () => {
    const { server, model } = await setup([], { maxBatchSize: 2 });
    const values = ['a', 'b', 'c', 'd', 'e'];
    const result = await embedMany({ model, values });
    assert.deepEqual(server.requests.map((r) => (r.body as { input: string[] }).input.length).sort(), [1, 2, 2]);
    assert.deepEqual(result.embeddings.map((e) => Array.from(e)), hashEmbed(values).map((v) => Array.from(Float32Array.from(v))));
  });
});

describe('openai-compatible embeddings: faults', () => {
  it('retries after 429, waiting for Retry-After, then succeeds', async () => {
    const { server, model, delays } = await setup([{ status: 429, headers: { 'retry-after': '2' } }]);
    const result = await model.doEmbed({ values: ['a'] });
    assert.equal(result.embeddings.length, 1);
    assert.equal(server.requests.length, 2);
    assert.equal(delays[0], 2000);
  });

  it('retries after 500 then succeeds', async () => {
    const { server, model } = await setup([{ status: 500 }, { status: 503 }]);
    await model.doEmbed({ values: ['a'] });
    assert.equal(server.requests.length, 3);
  });

  it('gives up after maxRetries with PROVIDER_REQUEST_FAILED', async () => {
    const { server, model } = await setup([{ status: 500 }, { status: 500 }, { status: 500 }], { maxRetries: 2 });
    await assert.rejects(model.doEmbed({ values: ['a'] }), isCode('PROVIDER_REQUEST_FAILED'));
    assert.equal(server.requests.length, 3);
  });

  it('does not retry 401 and reports PROVIDER_AUTH_FAILED', async () => {
    const { server, model } = await setup([], { apiKey: 'wrong' });
    await assert.rejects(model.doEmbed({ values: ['a'] }), (e: unknown) => isCode('PROVIDER_AUTH_FAILED')(e) && /apiKey/.test((e as Error).message));
    assert.equal(server.requests.length, 1);
  });

  it('does not retry other 4xx', async () => {
    const { server, model } = await setup([{ status: 400, body: { error: { message: 'input too long' } } }]);
    await assert.rejects(model.doEmbed({ values: ['a'] }), (e: unknown) => isCode('PROVIDER_REQUEST_FAILED')(e) && /input too long/.test((e as Error).message));
    assert.equal(server.requests.length, 1);
  });

  it('times out with PROVIDER_TIMEOUT when the server hangs', async () => {
    const { model } = await setup([{ hang: true }], { timeoutMs: 100, maxRetries: 0 });
    await assert.rejects(model.doEmbed({ values: ['a'] }), isCode('PROVIDER_TIMEOUT'));
  });

  it('reports EMBEDDING_MISMATCH when vectors have the wrong length', async () => {
    const { model } = await setup([], {}, (texts) => hashEmbed(texts, 5));
    await assert.rejects(model.doEmbed({ values: ['a'] }), (e: unknown) => isCode('EMBEDDING_MISMATCH')(e) && /dimensions: 5/.test((e as Error).message));
  });

  it('reports PROVIDER_BAD_RESPONSE for malformed JSON and for a wrong shape, without retrying', async () => {
    const { server, model } = await setup([{ rawBody: '{"data": [' }, { status: 200, body: { data: [{ index: 0, embedding: 'nope!' }, {}] } }]);
    await assert.rejects(model.doEmbed({ values: ['a'] }), isCode('PROVIDER_BAD_RESPONSE'));
    await assert.rejects(model.doEmbed({ values: ['a'] }), isCode('PROVIDER_BAD_RESPONSE'));
    assert.equal(server.requests.length, 2);
  });

  it('reports PROVIDER_REQUEST_FAILED when nothing listens', async () => {
    const { server, model } = await setup([], { maxRetries: 0 });
    await server.close();
    await assert.rejects(model.doEmbed({ values: ['a'] }), (e: unknown) => isCode('PROVIDER_REQUEST_FAILED')(e) && /baseURL/.test((e as Error).message));
  });

  it('requires dimensions for unknown models and knows OpenAI ones', () => {
    assert.throws(() => createOpenAICompatibleEmbeddingModel({ baseURL: 'http://x', modelId: 'nomic-embed-text' }), isCode('INVALID_CONFIG'));
    const m = createOpenAICompatibleEmbeddingModel({ baseURL: 'http://x', modelId: 'text-embedding-3-small' });
    assert.equal(m.dimensions, 1536);
    assert.equal(m.normalized, true);
  });
});
