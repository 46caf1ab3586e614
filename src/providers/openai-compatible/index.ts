export { createOpenAICompatibleEmbeddingModel, type OpenAICompatibleEmbeddingOptions } from './embedding-model.js';
export { createOpenAICompatibleChatModel, type OpenAICompatibleChatOptions } from './chat-model.js';
export { createOpenAICompatibleTuneBackend, type OpenAICompatibleTuneBackendOptions } from './tune-backend.js';
