import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateJsonSchema } from './validate-json-schema.js';

const schema = {
  type: 'object',
  required: ['label', 'score'],
  additionalProperties: false,
  properties: {
    label: { type: 'string', enum: ['pos', 'neg'] },
    score: { type: 'number', minimum: 0, maximum: 1 },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$', maxLength: 5 }, maxItems: 2 },
  },
};

test('valid values produce no errors', () => {
  assert.deepEqual(validateJsonSchema(schema, { label: 'pos', score: 0.5, tags: ['ab'] }), []);
  assert.deepEqual(validateJsonSchema({ type: 'number' }, 3), []);
});

test('each keyword reports a path-prefixed error', () => {
  assert.deepEqual(validateJsonSchema(schema, { label: 'meh', score: 2, extra: 1 }), [
    '$.label: must be one of ["pos","neg"]', '$.score: above maximum 1', '$: unexpected property "extra"',
  ]);
  assert.deepEqual(validateJsonSchema(schema, { label: 'pos' }), ['$: missing required property "score"']);
  assert.deepEqual(validateJsonSchema(schema, { label: 'pos', score: 0, tags: ['ABC', 'abcdef', 'x'] }), [
    '$.tags: more than 2 items', '$.tags[0]: does not match /^[a-z]+$/', '$.tags[1]: longer than 5',
  ]);
  assert.deepEqual(validateJsonSchema(schema, [1]), ['$: expected object, got array']);
  assert.deepEqual(validateJsonSchema({ type: 'integer' }, 1.5), ['$: expected integer, got number']);
});
