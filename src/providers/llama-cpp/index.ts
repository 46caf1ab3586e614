export { createLlamaCppChatModel, type LlamaCppChatModel, type LlamaCppChatModelOptions } from './chat-model.js';
export type { LlamaCppLoadProgress } from './_load.js';
