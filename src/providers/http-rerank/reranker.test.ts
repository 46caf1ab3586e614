import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { overlapScore, startRerankServer, type RerankShape, type ScriptedServer, type ServerScriptStep } from '../../testing/rerank-server.js';
import { FathomError } from '../../util/errors.js';
import { createHttpReranker, type HttpRerankerOptions } from './reranker.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function setup(shape: RerankShape, script: ServerScriptStep[] = [], options: Partial<HttpRerankerOptions> = {}) {
  const server = await startRerankServer({ shape, script, apiKey: 'key' });
  servers.push(server);
  const delays: number[] = [];
  const reranker = createHttpReranker({ baseURL: server.url, apiKey: 'key', modelId: 'rr-1', shape, _internal: { sleep: async (ms) => void delays.push(ms) }, ...options });
  return { server, reranker, delays };
}

const isCode = (code: string) => (e: unknown) => FathomError.isInstance(e) && e.code === code;
const query = 'refund policy enterprise';
const documents = ['shipping times', 'the refund policy for enterprise plans', 'enterprise pricing', 'refund window'];
const expected = documents.map((d) => overlapScore(query, d));

for (const shape of ['cohere', 'jina', 'tei'] as const) {
  describe(`http reranker (${shape})`, () => {
    it('returns one score per document in input order, from a server that sorts results', async () => {
      const { server, reranker } = await setup(shape);
      const result = await reranker.doRerank({ query, documents });
      assert.deepEqual(result.scores, expected);
      assert.ok(result.scores.every((s) => s >= 0 && s <= 1));
      const body = server.requests[0]!.body as Record<string, unknown>;
      assert.equal(server.requests[0]!.headers.authorization, 'Bearer key');
      if (shape === 'tei') assert.deepEqual(body.texts, documents);
      else assert.deepEqual([body.model, body.documents, body.top_n], ['rr-1', documents, 4]);
    });

    it('splits long document lists at maxBatchSize', async () => {
      const { server, reranker } = await setup(shape, [], { maxBatchSize: 3 });
      const result = await reranker.doRerank({ query, documents });
      assert.equal(server.requests.length, 2);
      assert.deepEqual(result.scores, expected);
    });

    it('retries after 429 and 500, then succeeds', async () => {
      const { server, reranker, delays } = await setup(shape, [{ status: 429, headers: { 'retry-after': '1' } }, { status: 500 }]);
      const result = await reranker.doRerank({ query, documents });
      assert.deepEqual(result.scores, expected);
      assert.equal(server.requests.length, 3);
      assert.equal(delays[0], 1000);
    });

    it('does not retry 401', async () => {
      const { server, reranker } = await setup(shape, [], { apiKey: 'bad' });
      await assert.rejects(reranker.doRerank({ query, documents }), isCode('PROVIDER_AUTH_FAILED'));
      assert.equal(server.requests.length, 1);
    });

    it('times out when the server hangs', async () => {
      const { reranker } = await setup(shape, [{ hang: true }], { timeoutMs: 100, maxRetries: 0 });
      await assert.rejects(reranker.doRerank({ query, documents }), isCode('PROVIDER_TIMEOUT'));
    });

    it('rejects malformed bodies and missing scores', async () => {
      const partial = shape === 'tei' ? [{ index: 0, score: 0.5 }] : { results: [{ index: 0, relevance_score: 0.5 }] };
      const { reranker } = await setup(shape, [{ rawBody: 'not json' }, { status: 200, body: partial }]);
      await assert.rejects(reranker.doRerank({ query, documents }), isCode('PROVIDER_BAD_RESPONSE'));
      await assert.rejects(reranker.doRerank({ query, documents }), (e: unknown) => isCode('PROVIDER_BAD_RESPONSE')(e) && /no score for document 1/.test((e as Error).message));
    });
  });
}

describe('http reranker usage', () => {
  it('reports Cohere search units and Jina tokens', async () => {
    const cohere = await setup('cohere');
    assert.deepEqual((await cohere.reranker.doRerank({ query, documents })).usage, { searchUnits: 1 });
    const jina = await setup('jina');
    assert.ok(((await jina.reranker.doRerank({ query, documents })).usage?.tokens ?? 0) > 0);
  });
});
