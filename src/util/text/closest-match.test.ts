import assert from 'node:assert/strict';
import { it } from 'node:test';
import { closestMatch } from './closest-match.js';

it('closestMatch suggests the nearest candidate, or nothing when none is close', () => {
  assert.equal(closestMatch('stor', ['store', 'tenant', 'ingest']), 'store');
  assert.equal(closestMatch('kk', ['k', 'mode', 'json']), 'k');
  assert.equal(closestMatch('modle', ['model', 'mode', 'stream']), 'model');
  assert.equal(closestMatch('formt', ['format', 'title']), 'format');
  assert.equal(closestMatch('serch', ['search', 'ask', 'ingest']), 'search');
  assert.equal(closestMatch('bogus', ['rrf', 'convex']), undefined);
  assert.equal(closestMatch('half-life', ['half-life-days', 'lambda']), 'half-life-days');
  assert.equal(closestMatch('x'.repeat(5000), ['store']), undefined);
});
