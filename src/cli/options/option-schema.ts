import type { ArgDef } from 'citty';
import type { JsonSchema } from '../../spec/chat-model.js';

/**
 * A citty argument definition with the declarative rule the CLI checks before a command runs: a JSON Schema for
 * the value (`{ type: 'integer', minimum: 1 }`, `{ enum: ['rrf', 'convex'] }`), and `variadic` for a last
 * positional that takes every remaining word (ingest paths, document ids), and `repeatable` for a flag that may be
 * given more than once (any other flag given twice is an error: citty would keep only the last value).
 */
export type CheckedArgDef = ArgDef & { schema?: JsonSchema; variadic?: boolean; repeatable?: boolean };

/** A flag may be given more than once when it says so: `repeatable: true`, or "(repeatable)" in its help text. */
export function isRepeatable(def: CheckedArgDef): boolean {
  return def.repeatable === true || /\(repeatable\)/.test(def.description ?? '');
}

/** Rules shared by several commands. */
export const rules = {
  topK: { type: 'integer', minimum: 1, maximum: 1000 },
  limit: { type: 'integer', minimum: 1, maximum: 1_000_000 },
  retrievalMode: { enum: ['bm25', 'vector', 'hybrid'] },
  unitInterval: { type: 'number', minimum: 0, maximum: 1 },
  count: { type: 'integer', minimum: 0, maximum: 1_000_000 },
  seed: { type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 },
  concurrency: { type: 'integer', minimum: 1, maximum: 256 },
} as const satisfies Record<string, JsonSchema>;
