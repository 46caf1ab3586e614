import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ChatModel, ChatStreamPart } from '../spec/chat-model.js';
import { createMockChatModel } from '../testing/mock-chat-model.js';
import { startTestServer, type TestServer } from './__fixtures__/test-server.js';

const err = async (r: Response) => ((await r.json()) as { error: { code: string; message: string; details: Record<string, unknown> } }).error;

describe('validation and limits', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ config: { bodyLimitBytes: 2048, rateLimit: { requestsPerMinute: 60, burst: 3 } } });
  });
  after(() => t.close());

  it('names every invalid field of a body', async () => {
    const r = await t.req('/v1/search', { key: t.keys.admin, json: { query: '', k: 0, mode: 'fuzzy' } });
    assert.equal(r.status, 400);
    const e = await err(r);
    assert.equal(e.code, 'INVALID_ARGUMENT');
    const paths = (e.details.issues as Array<{ path: string }>).map((i) => i.path);
    assert.ok(paths.includes('$.query') && paths.includes('$.k') && paths.includes('$.mode'), paths.join(','));
  });

  it('rejects non-JSON bodies and bad JSON', async () => {
    assert.equal((await t.req('/v1/search', { key: t.keys.writer, method: 'POST', body: 'query=x', headers: { 'content-type': 'text/plain' } })).status, 400);
    const r = await t.req('/v1/search', { key: t.keys.writer, method: 'POST', body: '{"query":', headers: { 'content-type': 'application/json' } });
    assert.match((await err(r)).message, /not valid JSON/);
  });

  it('answers 413 above the body limit', async () => {
    const r = await t.req('/v1/search', { key: t.keys.other, json: { query: 'x'.repeat(5000) } });
    assert.equal(r.status, 413);
    assert.equal((await err(r)).code, 'PAYLOAD_TOO_LARGE');
  });

  it('rate-limits per key with 429 and Retry-After; other keys are unaffected', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r = await t.req('/v1/documents');
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.equal(retryAfter, '1');
    assert.equal((await t.req('/v1/documents', { key: t.keys.writer })).status, 200 - 0);
  });

  it('unknown routes are JSON 404s', async () => {
    const r = await t.req('/v2/nothing');
    assert.equal(r.status, 404);
    assert.equal((await err(r)).code, 'NOT_FOUND');
  });
});

/** A model that streams one token every 20 ms until aborted, recording whether it saw the abort. */
function slowModel(): ChatModel & { aborted: boolean; tokens: number } {
  const m = {
    ...createMockChatModel(),
    aborted: false,
    tokens: 0,
    async *doStream(call: { abortSignal?: AbortSignal }): AsyncIterable<ChatStreamPart> {
      for (let i = 0; i < 500; i++) {
        if (call.abortSignal?.aborted) {
          m.aborted = true;
          throw call.abortSignal.reason;
        }
        await new Promise((r) => setTimeout(r, 20));
        m.tokens++;
        yield { type: 'text-delta', delta: 'word ' };
      }
      yield { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 500 } };
    },
    async doGenerate(call: { abortSignal?: AbortSignal }) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 5000);
        call.abortSignal?.addEventListener('abort', () => {
          m.aborted = true;
          clearTimeout(timer);
          reject(call.abortSignal!.reason);
        });
      });
      return { text: 'late [1]', finishReason: 'stop' as const, usage: { inputTokens: 1, outputTokens: 1 } };
    },
  };
  return m;
}

describe('timeouts, client aborts, shutdown', () => {
  const timedOut: Array<[string, string, unknown]> = [
    ['an ask', '/v1/ask', { question: 'What does the Enterprise plan cost?' }],
    ['a (non-streamed) chat completion', '/v1/chat/completions', { model: 'fathom-rag', messages: [{ role: 'user', content: 'What does the Enterprise plan cost?' }] }],
  ];
  for (const [what, path, json] of timedOut) {
    it(`stops ${what} at the timeout with 504 REQUEST_TIMEOUT and aborts the model call`, async () => {
      const model = slowModel();
      const t = await startTestServer({ chat: model, config: { requestTimeoutMs: 300 } });
      try {
        const r = await t.req(path, { json });
        assert.equal(r.status, 504);
        assert.equal((await err(r)).code, 'REQUEST_TIMEOUT');
        await new Promise((res) => setTimeout(res, 50));
        assert.equal(model.aborted, true);
      } finally {
        await t.close();
      }
    });
  }

  it('a client that disconnects from a stream stops the generation', async () => {
    const model = slowModel();
    const t = await startTestServer({ chat: model });
    try {
      const client = new AbortController();
      const r = await t.req('/v1/ask', { json: { question: 'What does the Enterprise plan cost?', stream: true }, signal: client.signal });
      const reader = r.body!.getReader();
      await reader.read();
      await reader.read();
      assert.equal(t.server.inflight, 1);
      await reader.cancel();
      client.abort();
      for (let i = 0; i < 50 && !model.aborted; i++) await new Promise((res) => setTimeout(res, 20));
      assert.equal(model.aborted, true, 'the model saw the abort');
      assert.ok(model.tokens < 100, `generation stopped early (${model.tokens} tokens)`);
      assert.equal(t.server.inflight, 0);
    } finally {
      await t.close();
    }
  });

  it('draining waits for an in-flight stream, then refuses new requests with 503', async () => {
    const t = await startTestServer({ chat: createMockChatModel({ reply: 'The Enterprise plan costs 54 dollars per seat [1].' }) });
    try {
      const r = await t.req('/v1/ask', { json: { question: 'What does the Enterprise plan cost?', stream: true } });
      let drained = false;
      const draining = t.server.drain(5000).then(() => { drained = true; });
      await new Promise((res) => setTimeout(res, 20));
      assert.equal(drained, false, 'drain waits for the unread stream');
      assert.equal((await t.req('/v1/documents')).status, 503);
      assert.match(await r.text(), /event: answer/);
      await draining;
      assert.equal(drained, true);
      assert.equal((await t.server.app.request('/readyz')).status, 503);
    } finally {
      await t.close();
    }
  });
});

describe('health, metrics, CORS', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ config: { cors: { origins: ['https://app.example.com'] } } });
  });
  after(() => t.close());

  it('/healthz and /readyz need no credentials', async () => {
    assert.equal((await t.server.app.request('/healthz')).status, 200);
    const ready = (await (await t.server.app.request('/readyz')).json()) as { status: string; checks: Record<string, string> };
    assert.equal(ready.status, 'ready');
    assert.equal(ready.checks.store, 'ok');
  });

  it('/metrics exposes request counts by route and stage latencies in Prometheus text', async () => {
    await t.req('/v1/ask', { json: { question: 'What does the Team plan cost?' } });
    await t.req('/v1/search', { json: { query: 'refund' } });
    const text = await (await t.server.app.request('/metrics')).text();
    const value = (re: RegExp) => Number(re.exec(text)?.[1]);
    assert.equal(value(/^fathom_http_requests_total\{method="POST",route="\/v1\/ask",status="200"\} (\d+)/m), 1);
    assert.equal(value(/^fathom_http_requests_total\{method="POST",route="\/v1\/search",status="200"\} (\d+)/m), 1);
    assert.equal(value(/^fathom_stage_duration_seconds_count\{stage="retrieve"\} (\d+)/m), 2);
    assert.equal(value(/^fathom_stage_duration_seconds_count\{stage="bm25"\} (\d+)/m), 2);
    assert.equal(value(/^fathom_answers_total\{abstained="false"\} (\d+)/m) + (value(/^fathom_answers_total\{abstained="true"\} (\d+)/m) || 0), 1);
    const other = await startTestServer();
    try {
      const fresh = await (await other.server.app.request('/metrics')).text();
      assert.doesNotMatch(fresh, /route="\/v1\/ask"/, 'each server has its own registry');
    } finally {
      await other.close();
    }
  });

  it('answers a CORS preflight for an allowed origin only', async () => {
    const ok = await t.server.app.request('/v1/search', { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://app.example.com');
    const no = await t.server.app.request('/v1/search', { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    assert.notEqual(no.headers.get('access-control-allow-origin'), 'https://evil.example.com');
  });

  it('echoes or creates a request id', async () => {
    assert.equal((await t.server.app.request('/healthz', { headers: { 'x-request-id': 'abc-1' } })).headers.get('x-request-id'), 'abc-1');
    assert.match((await t.server.app.request('/healthz')).headers.get('x-request-id') ?? '', /^req_/);
  });
});

describe('tracing', () => {
  it('records a request span with retrieve, bm25, generate and verify children carrying hits, tokens and cost', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const chat = createMockChatModel({ reply: 'The Enterprise plan costs 54 dollars per seat per month [1].' });
    const t = await startTestServer({ tracer: provider.getTracer('test'), chat, prices: { 'mock:mock-chat': { inputPerMillion: 1, outputPerMillion: 2 } } });
    try {
      const r = await t.req('/v1/ask', { json: { question: 'What does the Enterprise plan cost per seat?' } });
      assert.equal(r.status, 200);
      const spans = exporter.getFinishedSpans();
      const byName = new Map(spans.map((s) => [s.name, s]));
      const root = byName.get('POST /v1/ask')!;
      assert.ok(root, spans.map((s) => s.name).join(','));
      assert.equal(root.attributes['http.route'], '/v1/ask');
      assert.equal(root.attributes['fathom.principal'], 'user:alice');
      const retrieveSpan = byName.get('fathom.retrieve')!;
      const bm25 = byName.get('fathom.bm25')!;
      const generate = byName.get('fathom.generate')!;
      assert.equal(retrieveSpan.parentSpanContext?.spanId, root.spanContext().spanId);
      assert.equal(bm25.parentSpanContext?.spanId, retrieveSpan.spanContext().spanId);
      assert.equal(generate.parentSpanContext?.spanId, root.spanContext().spanId);
      assert.equal(retrieveSpan.spanContext().traceId, root.spanContext().traceId);
      assert.ok(Number(bm25.attributes['fathom.hits']) >= 1);
      assert.ok(Number(generate.attributes['gen_ai.usage.input_tokens']) > 0);
      assert.ok(Number(generate.attributes['fathom.cost_usd']) > 0);
      assert.ok(byName.get('fathom.verify'));
    } finally {
      await t.close();
      await provider.shutdown();
    }
  });
});

describe('server config schema', () => {
  it('is the one published in schemas/fathom-config.schema.json', async () => {
    const { readFileSync } = await import('node:fs');
    const { serverConfigSchema } = await import('./schemas/server-config-schema.js');
    const published = (JSON.parse(readFileSync(new URL('../../schemas/fathom-config.schema.json', import.meta.url), 'utf8')) as { properties: { server: Record<string, unknown> } }).properties.server;
    const { $id: _id, ...own } = serverConfigSchema;
    const { description: _d, ...rest } = published;
    assert.deepEqual(rest, JSON.parse(JSON.stringify(own)));
  });

  it('createServer rejects a bad config with INVALID_CONFIG', async () => {
    const { createServer } = await import('./create-server.js');
    assert.throws(() => createServer({ store: {} as never, config: { port: -1 } }), (e: unknown) => (e as { code?: string }).code === 'INVALID_CONFIG');
  });
});
