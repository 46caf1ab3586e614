import { runChatModelConformance } from './chat-model-conformance.js';
import { createMockChatModel } from './mock-chat-model.js';

runChatModelConformance({
  name: 'mock (fathom/testing)',
  create: async () => ({ model: createMockChatModel({ reply: (call) => (call.responseFormat ? '{"answer":"hello","confident":true}' : 'Hello, Ada.') }) }),
});
