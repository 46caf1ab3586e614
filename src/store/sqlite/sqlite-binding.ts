import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FathomError } from '../../util/errors.js';

/** Options of {@link sqliteBinding}. */
export interface SqliteBindingOptions {
  /** The better-sqlite3 package folder. @default the one this module resolves */
  packageDir?: string;
}

/**
 * better-sqlite3's compiled addon, for its constructor's `nativeBinding` option: the path of
 * `build/Release/better_sqlite3.node` when it is there (where its install puts it), else the addon that its own
 * lookup (the `bindings` package) finds under the package folder (Debug and legacy layouts). Without the option,
 * better-sqlite3 lets `bindings` find the package from a stack trace and stat up to ~40 paths in every process
 * (~2 ms of a cold CLI command), and inside the CLI bundle the stack names the bundle, not better-sqlite3.
 * Throws DEPENDENCY_MISSING, saying how to rebuild, when neither finds it.
 */
export function sqliteBinding(options: SqliteBindingOptions = {}): string | object {
  const { packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')) } = options;
  const release = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(release)) return release;
  try {
    const bindings = createRequire(join(packageDir, 'package.json'))('bindings') as (o: { bindings: string; module_root: string }) => object;
    return bindings({ bindings: 'better_sqlite3.node', module_root: packageDir });
  } catch (cause) {
    throw new FathomError({
      code: 'DEPENDENCY_MISSING',
      message: `better-sqlite3's native addon (better_sqlite3.node) is not built in ${packageDir}: run \`npm rebuild better-sqlite3\` (it downloads a prebuilt binary for Node ${process.versions.node}, or compiles one with a C++ toolchain).`,
      details: { packageDir },
      cause,
    });
  }
}
