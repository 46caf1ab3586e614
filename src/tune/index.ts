/** Fine-tuning: the data workbench (formats, lint, split, cost), training sets from evidence, jobs, trainer bundles, the tuned-model registry, embedding adapters and the post-training gate. */
export * from './formats/index.js';
export * from './lint/index.js';
export * from './split/index.js';
export * from './cost/index.js';
export { formatJsonSchemaIssue, validateJsonSchema } from '../util/json-schema/validate-json-schema.js';
export type { JsonSchemaIssue } from '../util/json-schema/validate-json-schema.js';
export type { JsonSchema } from '../spec/chat-model.js';
export * from './evidence/index.js';
export * from './gate/index.js';
export * from './jobs/index.js';
// The bundle writer and the backend poller are internal: their one public name is exportTrainerJob / followTuneJob.
export type { ExportTrainerBundleOptions, TrainerBundleManifest } from './trainer-bundle/index.js';
export * from './registry/index.js';
export * from './adapter/index.js';
