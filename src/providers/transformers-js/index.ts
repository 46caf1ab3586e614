export { createTransformersEmbeddingModel, type TransformersEmbeddingOptions } from './embedding-model.js';
export { createTransformersReranker, type TransformersRerankerOptions } from './reranker.js';
export { knownEmbeddingRecipe, type EmbeddingModelRecipe } from './known-models.js';
export type { ModelLoadProgress, TransformersLoadOptions } from './load-pretrained.js';
