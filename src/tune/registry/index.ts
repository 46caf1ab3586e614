/** The registry of tuned models (a JSON file): register, get, list. */
export { getTunedModel } from './get-tuned-model.js';
export { listTunedModels } from './list-tuned-models.js';
export { registerTunedModel, type RegisterTunedModelOptions } from './register-tuned-model.js';
