import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatConsistency } from './format-consistency.js';

// The hand-written subset ignored these keywords, so every answer counted as format-consistent.
describe('formatConsistency with full JSON Schema (draft 2020-12)', () => {
  it('oneOf: exactly one branch must match', () => {
    const schema = { oneOf: [{ type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false }, { type: 'object', properties: { abstain: { const: true } }, required: ['abstain'], additionalProperties: false }] };
    assert.equal(formatConsistency({ text: '{"answer":"54"}', schema }).score, 1);
    assert.equal(formatConsistency({ text: '{"abstain":true}', schema }).score, 1);
    const bad = formatConsistency({ text: '{"price":54}', schema });
    assert.equal(bad.score, 0);
    assert.deepEqual(bad.errors, ['$: matches none of oneOf']);
  });
  it('$ref into $defs', () => {
    const schema = { $defs: { plan: { enum: ['Starter', 'Enterprise'] } }, type: 'object', properties: { plan: { $ref: '#/$defs/plan' } }, required: ['plan'] };
    assert.equal(formatConsistency({ text: '{"plan":"Enterprise"}', schema }).score, 1);
    assert.deepEqual(formatConsistency({ text: '{"plan":"Gold"}', schema }).errors, ['$.plan: must be one of ["Starter","Enterprise"]']);
  });
  it('allOf: every part must hold', () => {
    const schema = { allOf: [{ type: 'object', required: ['plan'] }, { type: 'object', required: ['price'] }] };
    assert.equal(formatConsistency({ text: '{"plan":"x","price":1}', schema }).score, 1);
    assert.deepEqual(formatConsistency({ text: '{"plan":"x"}', schema }).errors, ['$: missing required property "price"']);
  });
  it('const', () => {
    const schema = { type: 'object', properties: { version: { const: 2 } }, required: ['version'] };
    assert.equal(formatConsistency({ text: '{"version":2}', schema }).score, 1);
    assert.deepEqual(formatConsistency({ text: '{"version":1}', schema }).errors, ['$.version: must equal 2']);
  });
  it('format (date, email, uri)', () => {
    const schema = { type: 'object', properties: { due: { type: 'string', format: 'date' }, contact: { type: 'string', format: 'email' } } };
    assert.equal(formatConsistency({ text: '{"due":"2026-12-05","contact":"a@example.com"}', schema }).score, 1);
    assert.deepEqual(formatConsistency({ text: '{"due":"next week","contact":"nobody"}', schema }).errors, ['$.due: must match format "date"', '$.contact: must match format "email"']);
  });
});
