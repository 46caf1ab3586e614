import { readFileSync } from 'node:fs';
import type { JsonSchema } from '../../spec/chat-model.js';

/** Path of `schemas/golden-item.schema.json` in the package (same depth from `src/` and `dist/`). */
export const goldenItemSchemaPath = new URL('../../../schemas/golden-item.schema.json', import.meta.url);

let cached: JsonSchema | undefined;

/** The golden item JSON Schema that ships with the package. */
export function goldenItemSchema(): JsonSchema {
  cached ??= JSON.parse(readFileSync(goldenItemSchemaPath, 'utf8')) as JsonSchema;
  return cached;
}
