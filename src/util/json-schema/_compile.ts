/**
 * One ajv instance (JSON Schema draft 2020-12 + formats) and a bounded cache of compiled validators, keyed by
 * schema object and by schema text (output schemas are re-parsed per item; compiling is the expensive part).
 * The built package also carries validators compiled at build time (`_precompiled/<key>.cjs`, written by
 * scripts/precompile-schemas.mjs: the config schema and every CLI option schema, one file each, named by
 * {@link precompiledKey} of the schema text and holding that text): a schema found there is never compiled, and ajv
 * itself is loaded only on the first schema that is not (loading ajv and compiling the config schema were about
 * half of a cold `fathom search`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../../spec/chat-model.js';
import { FathomError } from '../errors.js';
import { precompiledKey } from './_precompiled-key.js';

const require = createRequire(import.meta.url);
const MAX_CACHED = 256;
let ajvInstance: Ajv2020 | undefined;
const _ajv = (): Ajv2020 => {
  if (ajvInstance) return ajvInstance;
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 };
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => unknown;
  ajvInstance = new AjvClass({ allErrors: true, strict: false, verbose: true });
  addFormats(ajvInstance);
  return ajvInstance;
};
const precompiledDir = new URL('./_precompiled/', import.meta.url);
const hasPrecompiled = existsSync(precompiledDir); // sources run through tsx: nothing precompiled

/** The build-time validator of this exact schema text, if any. */
function _precompiled(text: string): ValidateFunction | undefined {
  if (!hasPrecompiled) return undefined;
  const file = new URL(`${precompiledKey(text)}.cjs`, precompiledDir);
  if (!existsSync(file)) return undefined;
  const m = require(fileURLToPath(file)) as ValidateFunction & { schemaText?: string };
  return m.schemaText === text ? m : undefined;
}

const byObject = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, { schema: JsonSchema; validate: ValidateFunction }>();
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The compiled validator of `schema` (cached). An invalid schema is a typed INVALID_SCHEMA error. */
export function _compile(schema: JsonSchema | boolean): ValidateFunction {
  if (typeof schema === 'boolean') return _compile(schema ? {} : { not: {} });
  const hit = byObject.get(schema);
  if (hit) return hit;
  const text = JSON.stringify(schema);
  const cached = byText.get(text)?.validate ?? _precompiled(text);
  if (cached) {
    byObject.set(schema, cached);
    return cached;
  }
  // Older drafts' `$schema` would make ajv look up a meta-schema it does not have: read them as 2020-12.
  const own: JsonSchema = typeof schema.$schema === 'string' && schema.$schema.replace(/#$/, '') !== DRAFT_2020 ? { ...schema, $schema: undefined } : { ...schema };
  if (own.$schema === undefined) delete own.$schema;
  let validate: ValidateFunction;
  const ajv = _ajv();
  try {
    if (typeof own.$id === 'string' && ajv.getSchema(own.$id)) ajv.removeSchema(own.$id);
    validate = ajv.compile(own);
  } catch (error) {
    throw new FathomError({ code: 'INVALID_SCHEMA', message: `Invalid JSON Schema: ${(error as Error).message}. Fix the schema (draft 2020-12).`, cause: error });
  }
  if (byText.size >= MAX_CACHED) {
    const [oldest, entry] = byText.entries().next().value as [string, { schema: JsonSchema }];
    byText.delete(oldest);
    ajv.removeSchema(entry.schema);
  }
  byText.set(text, { schema: own, validate });
  byObject.set(schema, validate);
  return validate;
}
