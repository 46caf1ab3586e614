import { FathomError } from '../util/errors.js';
import { validateJsonSchema } from '../util/json-schema/validate-json-schema.js';
import { configSchema } from './config-schema.js';
import { explainIssues } from './validation/explain-issue.js';

const MAX_SHOWN = 8;

/**
 * Check a parsed `fathom.config.json` against `schemas/fathom-config.schema.json` (unknown keys, types, ranges,
 * enums) and the rules a schema cannot state. Throws INVALID_CONFIG naming every bad key, its value, what is
 * allowed and the nearest valid key or value.
 */
export function validateConfig(raw: unknown, file: string): asserts raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const got = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
    throw new FathomError({ code: 'INVALID_CONFIG', message: `${file}: the configuration must be a JSON object ({ "store": …, "ingest": … }), got ${got}. Fix the file or delete it and run \`fathom init\`.`, details: { file } });
  }
  const explained = explainIssues(validateJsonSchema(configSchema(), raw));
  const chunker = ((raw as Record<string, unknown>).ingest as { chunker?: { maxTokens?: unknown; overlapTokens?: unknown } } | undefined)?.chunker;
  const maxTokens = typeof chunker?.maxTokens === 'number' ? chunker.maxTokens : 512;
  if (typeof chunker?.overlapTokens === 'number' && chunker.overlapTokens >= maxTokens && explained.length === 0) {
    explained.push({ key: 'ingest.chunker.overlapTokens', value: chunker.overlapTokens, allowed: `an integer below ingest.chunker.maxTokens (${maxTokens})`, suggestion: Math.floor(maxTokens / 8),
      text: `ingest.chunker.overlapTokens: ${chunker.overlapTokens} is not allowed: the overlap must be below ingest.chunker.maxTokens (${maxTokens}); e.g. ${Math.floor(maxTokens / 8)}.` });
  }
  if (explained.length === 0) return;
  const lines = explained.slice(0, MAX_SHOWN).map((e) => `  - ${e.text}`);
  if (explained.length > MAX_SHOWN) lines.push(`  … and ${explained.length - MAX_SHOWN} more`);
  throw new FathomError({
    code: 'INVALID_CONFIG',
    message: `${file}: invalid configuration (schemas/fathom-config.schema.json):\n${lines.join('\n')}`,
    details: { file, issues: explained.map(({ key, value, allowed, suggestion }) => ({ key, value, allowed, suggestion })) },
  });
}
