import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { FathomError } from '../../util/errors.js';
import { sqliteBinding } from './sqlite-binding.js';

const require = createRequire(import.meta.url);
const realPackage = dirname(require.resolve('better-sqlite3/package.json'));
const realAddon = join(realPackage, 'build', 'Release', 'better_sqlite3.node');
const dir = mkdtempSync(join(tmpdir(), 'fathom-binding-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A better-sqlite3 package folder beside a real `bindings`, with the addon (a link to the real one) at `addonAt`. */
function fakePackage(name: string, addonAt?: string[]): string {
  const root = join(dir, name, 'node_modules');
  const pkg = join(root, 'better-sqlite3');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '0.0.0' }));
  symlinkSync(realpathSync(dirname(require.resolve('bindings/package.json'))), join(root, 'bindings'));
  if (addonAt) {
    mkdirSync(join(pkg, ...addonAt.slice(0, -1)), { recursive: true });
    symlinkSync(realpathSync(realAddon), join(pkg, ...addonAt));
  }
  return pkg;
}

describe('sqliteBinding: where better-sqlite3 keeps its addon', () => {
  it('is the path of build/Release/better_sqlite3.node of the installed package, which opens a database', () => {
    const binding = sqliteBinding();
    assert.equal(binding, realAddon);
    const db = new Database(':memory:', { nativeBinding: binding as string });
    assert.equal(db.prepare('SELECT 1 + 1').pluck().get(), 2);
    db.close();
  });

  it('falls back to the package’s own lookup when the addon is elsewhere (a Debug build)', () => {
    const pkg = fakePackage('debug', ['build', 'Debug', 'better_sqlite3.node']);
    assert.ok(!existsSync(join(pkg, 'build', 'Release')));
    const binding = sqliteBinding({ packageDir: pkg });
    assert.equal(typeof binding, 'object', 'the addon itself, as bindings loaded it');
    const db = new Database(':memory:', { nativeBinding: binding as string });
    assert.equal(db.prepare('SELECT 2 * 3').pluck().get(), 6);
    db.close();
  });

  it('says how to rebuild when the addon is nowhere (DEPENDENCY_MISSING, not a stack trace)', () => {
    const pkg = fakePackage('missing');
    assert.throws(
      () => sqliteBinding({ packageDir: pkg }),
      (error) => FathomError.isInstance(error) && error.code === 'DEPENDENCY_MISSING' && /npm rebuild better-sqlite3/.test(error.message) && error.message.includes(pkg),
    );
  });
});

describe('openSqlite is the only way fathom opens SQLite', () => {
  it('no source file but open-sqlite.ts loads better-sqlite3 itself (the CLI bundle has no addon search to fall back on)', () => {
    const src = join(import.meta.dirname, '..', '..');
    const offenders = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('open-sqlite.ts') && !f.includes('__fixtures__'))
      .filter((f) => /(?:import\s+(?!type\b)[^;]*?from\s*|import\(\s*|require\(\s*)['"]better-sqlite3['"]/.test(readFileSync(join(src, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
