/** The fine-tuning workbench: training sets from evidence, post-training gates, jobs in the store. (Merged into tune/index.ts.) */
export * from './evidence/index.js';
export * from './gate/index.js';
export * from './jobs/index.js';
