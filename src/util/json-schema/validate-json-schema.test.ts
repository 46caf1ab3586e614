import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatJsonSchemaIssue, validateJsonSchema } from './validate-json-schema.js';
import { FathomError } from '../errors.js';

const lines = (schema: Record<string, unknown>, value: unknown) => validateJsonSchema(schema, value).map(formatJsonSchemaIssue);

describe('validateJsonSchema (ajv, draft 2020-12)', () => {
  it('reports type, required, enum, additionalProperties and ranges with JSON paths', () => {
    const schema = { type: 'object', properties: { label: { enum: ['pos', 'neg'] }, score: { type: 'number', minimum: 0, maximum: 1 }, tags: { type: 'array', items: { type: 'string', maxLength: 3 } } }, required: ['label', 'score'], additionalProperties: false };
    assert.deepEqual(lines(schema, { label: 'pos', score: 0.5, tags: ['ab'] }), []);
    assert.deepEqual(lines(schema, { label: 'meh', score: 2, extra: 1, tags: ['abcd'] }), [
      '$: unexpected property "extra"', '$.label: must be one of ["pos","neg"]', '$.score: must be <= 1', '$.tags[0]: must NOT have more than 3 characters',
    ]);
    assert.deepEqual(lines(schema, { label: 'pos' }), ['$: missing required property "score"']);
    assert.deepEqual(lines({ type: 'integer' }, 1.5), ['$: expected integer, got number']);
    const [issue] = validateJsonSchema(schema, { label: 'pos', score: 1, tagz: [] });
    assert.equal(issue!.property, 'tagz');
    assert.deepEqual(issue!.allowed, ['label', 'score', 'tags']);
  });

  it('honours oneOf, anyOf, allOf, not, $ref, const, format and uniqueItems (the old subset ignored them)', () => {
    const oneOf = { oneOf: [{ type: 'object', properties: { ok: { const: true } }, required: ['ok'] }, { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] }] };
    assert.deepEqual(lines(oneOf, { ok: true }), []);
    assert.deepEqual(lines(oneOf, { nope: 1 }), ['$: matches none of oneOf']);
    assert.deepEqual(lines(oneOf, { ok: true, error: 'x' }), ['$: matches more than one of oneOf']);
    const ref = { $defs: { money: { type: 'number', minimum: 0 } }, type: 'object', properties: { price: { $ref: '#/$defs/money' } } };
    assert.deepEqual(lines(ref, { price: -1 }), ['$.price: must be >= 0']);
    assert.deepEqual(lines({ allOf: [{ type: 'string' }, { minLength: 3 }] }, 'ab'), ['$: must NOT have fewer than 3 characters']);
    assert.deepEqual(lines({ not: { const: 'x' } }, 'x'), ['$: must NOT be valid']);
    assert.deepEqual(lines({ type: 'string', format: 'date' }, '2026-13-45'), ['$: must match format "date"']);
    assert.deepEqual(lines({ type: 'string', format: 'email' }, 'a@b.co'), []);
    assert.deepEqual(lines({ type: 'array', uniqueItems: true }, [1, 1]).length, 1);
    assert.deepEqual(lines({ const: 'regex' }, 'x'), ['$: must equal "regex"']);
  });

  it('reads a draft-07 schema and schemas that reuse an $id', () => {
    assert.deepEqual(lines({ $schema: 'http://json-schema.org/draft-07/schema#', definitions: { n: { type: 'integer' } }, $ref: '#/definitions/n' }, 'x'), ['$: expected integer, got string']);
    assert.deepEqual(lines({ $id: 'https://example.com/s', type: 'string' }, 1), ['$: expected string, got integer']);
    assert.deepEqual(lines({ $id: 'https://example.com/s', type: 'number' }, 1), []);
  });

  it('caches compiled schemas by content and throws INVALID_SCHEMA for a broken schema', () => {
    for (let i = 0; i < 1000; i++) assert.equal(validateJsonSchema({ type: 'object', required: ['a'] }, { a: i }).length, 0);
    assert.throws(() => validateJsonSchema({ type: 'strin' }, 1), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_SCHEMA');
    assert.throws(() => validateJsonSchema({ $ref: '#/$defs/missing' }, 1), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_SCHEMA');
  });

  it('quotes property names that are not identifiers', () => {
    assert.deepEqual(lines({ type: 'object', properties: { 'a b': { type: 'string' }, 'x/y': { type: 'string' } } }, { 'a b': 1, 'x/y': 2 }), ['$["a b"]: expected string, got integer', '$["x/y"]: expected string, got integer']);
  });
});
