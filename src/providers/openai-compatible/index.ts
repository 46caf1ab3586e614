export { createOpenAICompatibleEmbeddingModel, type OpenAICompatibleEmbeddingOptions } from './embedding-model.js';
