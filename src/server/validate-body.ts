/**
 * Request-body validation with ajv (JSON Schema 2020-12), one compiled validator per schema.
 * (src/util/json-schema/ from the validation work is not on main yet; when it lands this module becomes a
 * thin call to it.) Errors are INVALID_ARGUMENT with every issue as `{ path, message }`.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { FathomError } from '../util/errors.js';

const _ajv = new Ajv2020({ allErrors: true, strict: false });
const _compiled = new WeakMap<object, ValidateFunction>();

/** Parse-free check: `body` (already parsed JSON) against `schema`; returns it typed or throws. */
export function validateBody<T>(schema: object, body: unknown): T {
  let validate = _compiled.get(schema);
  if (!validate) {
    validate = _ajv.compile(schema);
    _compiled.set(schema, validate);
  }
  if (validate(body)) return body as T;
  const issues = (validate.errors ?? []).slice(0, 20).map((e) => ({ path: e.instancePath || '/', message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}${e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : ''}` }));
  const name = (schema as { $id?: string }).$id ?? 'request';
  throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Invalid ${name}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}.`, details: { issues } });
}
