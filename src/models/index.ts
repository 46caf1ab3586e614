export { modelCatalog, formatBytes, type CatalogModel } from './model-catalog.js';
export { resolveModelRef, type ModelRef } from './resolve-model-ref.js';
export { pullModel, type PullModelOptions, type PullModelResult, type PullProgress } from './pull-model.js';
export { listModels } from './list-models.js';
export { removeModel } from './remove-model.js';
export type { PulledModel } from './pulled-model.js';
