export { createAnthropicChatModel, type AnthropicChatOptions } from './chat-model.js';
