/**
 * One ajv instance (JSON Schema draft 2020-12 + formats) and a bounded cache of compiled validators, keyed by
 * schema object and by schema text (output schemas are re-parsed per item; compiling is the expensive part).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../../spec/chat-model.js';
import { FathomError } from '../errors.js';

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats));

const MAX_CACHED = 256;
const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);

const byObject = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, { schema: JsonSchema; validate: ValidateFunction }>();
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The compiled validator of `schema` (cached). An invalid schema is a typed INVALID_SCHEMA error. */
export function _compile(schema: JsonSchema | boolean): ValidateFunction {
  if (typeof schema === 'boolean') return _compile(schema ? {} : { not: {} });
  const hit = byObject.get(schema);
  if (hit) return hit;
  const text = JSON.stringify(schema);
  const cached = byText.get(text);
  if (cached) {
    byObject.set(schema, cached.validate);
    return cached.validate;
  }
  // Older drafts' `$schema` would make ajv look up a meta-schema it does not have: read them as 2020-12.
  const own: JsonSchema = typeof schema.$schema === 'string' && schema.$schema.replace(/#$/, '') !== DRAFT_2020 ? { ...schema, $schema: undefined } : { ...schema };
  if (own.$schema === undefined) delete own.$schema;
  let validate: ValidateFunction;
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
