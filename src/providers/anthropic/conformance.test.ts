import { after } from 'node:test';
import { startAnthropicServer, type ScriptedServer } from '../../testing/anthropic-server.js';
import { runChatModelConformance } from '../../testing/chat-model-conformance.js';
import { createAnthropicChatModel } from './chat-model.js';

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

runChatModelConformance({
  name: 'anthropic (loopback Messages API server)',
  create: async () => {
    const server = await startAnthropicServer({ apiKey: 'ak-test' });
    servers.push(server);
    return { model: createAnthropicChatModel({ baseURL: server.url, apiKey: 'ak-test', modelId: 'claude-test' }) };
  },
  createSilent: async () => {
    const server = await startAnthropicServer({ apiKey: 'ak-test', script: [{ hang: true }, { hang: true }] });
    servers.push(server);
    return { model: createAnthropicChatModel({ baseURL: server.url, apiKey: 'ak-test', modelId: 'claude-test', timeoutMs: 150, maxRetries: 0 }) };
  },
});
