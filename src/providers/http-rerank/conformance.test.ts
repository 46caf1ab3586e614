import { after } from 'node:test';
import { runRerankerConformance } from '../../testing/reranker-conformance.js';
import { startRerankServer, type RerankShape, type ScriptedServer } from '../../testing/rerank-server.js';
import { createHttpReranker } from './reranker.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

for (const shape of ['cohere', 'jina', 'tei'] as RerankShape[]) {
  runRerankerConformance({
    name: `http-rerank (${shape}, loopback server)`,
    create: async () => {
      const server = await startRerankServer({ shape, apiKey: 'key' });
      servers.push(server);
      return { reranker: createHttpReranker({ baseURL: server.url, apiKey: 'key', modelId: 'rr-1', shape }) };
    },
  });
}
