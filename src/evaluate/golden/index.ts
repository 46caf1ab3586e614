/** Golden sets: read, write, validate, check sources. */
export { readGoldenSet, parseGoldenSet } from './read-golden-set.js';
export type { GoldenSet, ReadGoldenSetOptions } from './read-golden-set.js';
export { checkGoldenSources } from './check-golden-sources.js';
export type { CheckGoldenSourcesOptions } from './check-golden-sources.js';
export { writeGoldenSet } from './write-golden-set.js';
export type { WriteGoldenSetOptions } from './write-golden-set.js';
export { validateGoldenItem } from './validate-golden-item.js';
export type { GoldenItemValidation } from './validate-golden-item.js';
export { goldenItemSchema, goldenItemSchemaPath } from './golden-item-schema.js';
