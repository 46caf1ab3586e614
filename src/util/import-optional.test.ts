import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FathomError } from './errors.js';
import { importOptional } from './import-optional.js';

describe('importOptional', () => {
  it('returns the module when it loads', async () => {
    const mod = await importOptional(() => import('node:path'), { need: 'Paths need node:path', packages: ['node'] });
    assert.equal(typeof mod.join, 'function');
  });

  it('turns a missing package into DEPENDENCY_MISSING naming it, the install command and the alternative', async () => {
    const missing = 'fathom-no-such-package-' + 'x';
    await assert.rejects(
      importOptional(() => import(missing), { need: 'The widget needs the `fathom-no-such-package-x` driver', packages: [`${missing}@1.2.3`], instead: 'use the gadget', note: 'set X=1 offline' }),
      (e: unknown) => {
        assert.ok(FathomError.isInstance(e));
        assert.equal(e.code, 'DEPENDENCY_MISSING');
        assert.equal(e.message, 'The widget needs the `fathom-no-such-package-x` driver: run `npm install fathom-no-such-package-x@1.2.3` (an optional peer dependency of fathom; set X=1 offline), or use the gadget.');
        assert.deepEqual(e.details, { package: missing, packages: [missing] });
        assert.ok(e.cause, 'keeps the import error as the cause');
        return true;
      },
    );
  });

  it('names every package, scoped ones without their version', async () => {
    await assert.rejects(importOptional(() => Promise.reject(new Error('nope')), { need: 'Tracing needs the SDK', packages: ['@scope/a@2.1.0', '@scope/b@0.3.0'] }), (e: unknown) => {
      assert.ok(FathomError.isInstance(e));
      assert.equal(e.message, 'Tracing needs the SDK: run `npm install @scope/a@2.1.0 @scope/b@0.3.0` (optional peer dependencies of fathom).');
      assert.deepEqual(e.details, { package: '@scope/a', packages: ['@scope/a', '@scope/b'] });
      return true;
    });
  });
});
