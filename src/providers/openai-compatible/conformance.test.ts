import { after } from 'node:test';
import { runChatModelConformance } from '../../testing/chat-model-conformance.js';
import { runEmbeddingModelConformance } from '../../testing/embedding-model-conformance.js';
import { startOpenAIChatServer } from '../../testing/openai-chat-server.js';
import { startOpenAICompatibleServer, type ScriptedServer } from '../../testing/openai-compatible-server.js';
import { createOpenAICompatibleChatModel } from './chat-model.js';
import { createOpenAICompatibleEmbeddingModel } from './embedding-model.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));
const keep = (s: ScriptedServer): ScriptedServer => (servers.push(s), s);

runChatModelConformance({
  name: 'openai-compatible (loopback server)',
  create: async () => {
    const server = keep(await startOpenAIChatServer({ apiKey: 'sk-test' }));
    return { model: createOpenAICompatibleChatModel({ baseURL: server.url, apiKey: 'sk-test', modelId: 'test-chat', supportsStructuredOutput: true }) };
  },
  createSilent: async () => {
    const server = keep(await startOpenAIChatServer({ apiKey: 'sk-test', script: [{ hang: true }, { hang: true }] }));
    return { model: createOpenAICompatibleChatModel({ baseURL: server.url, apiKey: 'sk-test', modelId: 'test-chat', timeoutMs: 150, maxRetries: 0 }) };
  },
});

runEmbeddingModelConformance({
  name: 'openai-compatible (loopback server)',
  create: async () => {
    const server = keep(await startOpenAICompatibleServer({ apiKey: 'sk-test' }));
    return { model: createOpenAICompatibleEmbeddingModel({ baseURL: server.url, apiKey: 'sk-test', modelId: 'test-embed', dimensions: 8 }) };
  },
});
