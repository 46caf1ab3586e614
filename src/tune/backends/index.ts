export { createOpenAICompatibleTuneBackend, type OpenAICompatibleTuneBackendOptions } from './create-openai-compatible-tune-backend.js';
export { followJob, type FollowJobOptions, type FollowJobResult } from './follow-job.js';
