import { readFileSync } from 'node:fs';
import type { JsonSchema } from '../spec/chat-model.js';

/** Path of `schemas/fathom-config.schema.json` in the package (same depth from `src/` and `dist/`). */
export const configSchemaPath = new URL('../../schemas/fathom-config.schema.json', import.meta.url);

let cached: JsonSchema | undefined;

/** The JSON Schema (draft 2020-12) of `fathom.config.json` that ships with the package. */
export function configSchema(): JsonSchema {
  cached ??= JSON.parse(readFileSync(configSchemaPath, 'utf8')) as JsonSchema;
  return cached;
}
