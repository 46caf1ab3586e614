import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { describe, it } from 'node:test';
import { modelCacheDir } from './model-cache-dir.js';

describe('modelCacheDir', () => {
  it('prefers FATHOM_CACHE, then XDG_CACHE_HOME, then ~/.cache — never node_modules', () => {
    assert.equal(modelCacheDir({ FATHOM_CACHE: '/tmp/fc', XDG_CACHE_HOME: '/x' }), '/tmp/fc/models');
    assert.equal(modelCacheDir({ XDG_CACHE_HOME: '/x/cache' }), '/x/cache/fathom/models');
    assert.equal(modelCacheDir({ XDG_CACHE_HOME: 'relative' }), `${homedir()}/.cache/fathom/models`);
    assert.equal(modelCacheDir({}), `${homedir()}/.cache/fathom/models`);
  });
});
