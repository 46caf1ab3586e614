/**
 * Runs the bundled CLI (dist/cli/bundle/fathom.cjs: one CommonJS file, scripts/build-bundle.mjs) with a V8 code
 * cache beside it, so a cold command neither resolves ~130 module files nor parses and compiles them again.
 * Node 20 has no compile cache for ES modules (`module.enableCompileCache` is Node 22), hence one CommonJS file
 * compiled through `vm.Script` with `cachedData`. The bundle ends with `// fathom-bundle-id: <sha256 of its text>`;
 * its cache is `<file>.<id>.cache`, so a rebuilt bundle never meets an old cache (V8 itself only compares lengths).
 * A missing or rejected cache (another Node version) is written after the command, atomically; failures to write
 * (read-only install) are ignored.
 */
import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

export type BundleCache = 'accepted' | 'rejected' | 'missing' | 'untagged';

export interface RunBundleOptions {
  /** Absolute path of the bundle; it exports `runProcess(argv)` (src/cli/run-process.ts). */
  file: string;
  /** Each entry is one call of `runProcess`, in order (the build runs several to fill the cache); a user run has one. */
  argvs: string[][];
  /** Write the cache even when it was accepted (the build's training run). @default false */
  rewriteCache?: boolean;
}

/**
 * Load the bundle and run each of `argvs`. Resolves `{ loaded: false, reason }` when the bundle cannot be loaded
 * (unreadable, not a bundle of this shape): nothing has run then, and bin/fathom.js runs the unbundled CLI instead.
 */
export async function runBundle({ file, argvs, rewriteCache = false }: RunBundleOptions): Promise<RunBundleResult> {
  let loaded: ReturnType<typeof _load>;
  try {
    loaded = _load(file);
  } catch (error) {
    return { loaded: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const { script, cache, cacheFile, runProcess } = loaded;
  for (const argv of argvs) await runProcess(argv);
  let wrote = false;
  if (cacheFile && (cache !== 'accepted' || rewriteCache) && _writable(dirname(cacheFile))) wrote = _writeAtomically(cacheFile, script.createCachedData());
  return { loaded: true, cache, wrote };
}

export type RunBundleResult = { loaded: true; cache: BundleCache; wrote: boolean } | { loaded: false; reason: string };

function _load(file: string) {
  // The bundle is ASCII only (scripts/build-bundle.mjs): read as one-byte text, no UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  const id = /\/\/ fathom-bundle-id: ([0-9a-f]{16,64})\s*$/.exec(source.slice(-120))?.[1];
  const cacheFile = id ? `${file}.${id}.cache` : undefined;
  const cachedData = cacheFile && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // No importModuleDynamically: Node 20 loses it when V8 takes the script from cachedData; the bundle calls
  // `__fathomImport` (a native import() from here, resolving packages from the same node_modules) instead.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __fathomImport) {${source}\n})`, { filename: file, cachedData });
  const cache: BundleCache = !cacheFile ? 'untagged' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} as { runProcess?: (argv: string[]) => Promise<void> } };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), _import);
  const { runProcess } = module.exports;
  if (typeof runProcess !== 'function') throw new Error(`${file} does not export runProcess`);
  return { script, cache, cacheFile, runProcess };
}

const _import = (specifier: string): Promise<unknown> => import(specifier);

/** Checked before serialising the cache (tens of ms), which a read-only install would otherwise pay on every run. */
function _writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function _writeAtomically(path: string, data: Buffer): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
