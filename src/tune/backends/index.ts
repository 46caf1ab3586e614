export { createOpenAICompatibleTuneBackend, type OpenAICompatibleTuneBackendOptions } from './create-openai-compatible-tune-backend.js';
export { exportTrainerBundle, type ExportTrainerBundleOptions, type TrainerBundleManifest } from './export-trainer-bundle.js';
export { followJob, type FollowJobOptions, type FollowJobResult } from './follow-job.js';
export { getTunedModel } from './get-tuned-model.js';
export { listTunedModels } from './list-tuned-models.js';
export { registerTunedModel, type RegisterTunedModelOptions } from './register-tuned-model.js';
