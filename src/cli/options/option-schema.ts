import type { ArgDef } from 'citty';
import type { JsonSchema } from '../../spec/chat-model.js';

/**
 * A citty argument definition with the declarative rule the CLI checks before a command runs: a JSON Schema for
 * the value (`{ type: 'integer', minimum: 1 }`, `{ enum: ['rrf', 'convex'] }`), and `variadic` for a last
 * positional that takes every remaining word (ingest paths, document ids).
 */
export type CheckedArgDef = ArgDef & { schema?: JsonSchema; variadic?: boolean };

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
