import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { SkipReport } from '../spec/loader.js';
import { FathomError } from '../util/errors.js';

/** Excluded unless the caller passes its own `exclude` list. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/.fathom/**'];

export interface WalkFilesOptions {
  /** Files or directories, absolute or relative to `cwd`. Each must exist (else PATH_NOT_FOUND). */
  paths: string[];
  /** Base for relative paths; `relativePath` is relative to it, with `/` separators. */
  cwd: string;
  /** Globs (picomatch, against `relativePath`; a pattern without `/` matches the base name). @default all files */
  include?: string[];
  /** Globs that win over `include`; matching directories are not entered. @default DEFAULT_EXCLUDES */
  exclude?: string[];
  /**
   * Follow symbolic links that lead out of the path being walked (`up -> ..` would ingest the parent).
   * Links that stay inside it are always followed; a link back to a folder it is inside (a loop) never is.
   * Each refused link is a SYMLINK_SKIPPED skip with the reason. @default false
   */
  followSymlinks?: boolean;
}

/** A file found by the walk. `explicit` is true when it was named directly in `paths`. */
export interface WalkedFile {
  type: 'file';
  path: string;
  relativePath: string;
  /** Bytes. */
  size: number;
  /** Epoch ms. */
  modifiedAt: number;
  explicit: boolean;
}

export type WalkEntry = WalkedFile | { type: 'skip'; skip: SkipReport };

/**
 * Walk files lazily, depth-first, in a deterministic order (paths in the order given, directory entries
 * sorted by code unit). Dangling and looping symbolic links, and links out of the walked path (unless
 * `followSymlinks`), come back as skips with a reason; unreadable directories too. Explicitly named files
 * are always yielded (globs filter what directories contain).
 */
export async function* walkFiles({ paths, cwd, include, exclude = DEFAULT_EXCLUDES, followSymlinks = false }: WalkFilesOptions): AsyncIterable<WalkEntry> {
  const opts = { dot: true, basename: false };
  const compile = (patterns: string[]) => {
    const matchers = patterns.map((p) => picomatch(p, { ...opts, basename: !p.includes('/') }));
    return (rel: string) => matchers.some((m) => m(rel));
  };
  const isIncluded = include?.length ? compile(include) : () => true;
  const isExcluded = compile(exclude);
  const roots = await Promise.all(paths.map(async (p) => ({ abs: resolve(cwd, p), given: p, link: await lstat(resolve(cwd, p)).catch(() => undefined) })));
  const missing = roots.filter((r) => !r.link);
  if (missing.length) {
    throw new FathomError({
      code: 'PATH_NOT_FOUND',
      message: `Path not found: ${missing.map((r) => `'${r.given}'`).join(', ')} (relative to ${cwd}). Check the spelling or run from the right directory.`,
      details: { paths: missing.map((r) => r.given), cwd },
    });
  }
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/') || '.';
  const visitedDirs = new Set<string>();
  const seenFiles = new Set<string>();

  // Real paths of the directories on the way down (loop detection) and of the path being walked.
  const ancestors: string[] = [];
  let rootReal = '';

  async function* visit(abs: string, explicit: boolean): AsyncIterable<WalkEntry> {
    const relativePath = rel(abs);
    let info: Stats;
    const link = await lstat(abs).catch(() => undefined);
    if (!link) return;
    const isLink = link.isSymbolicLink();
    if (isLink) {
      try {
        info = await stat(abs);
      } catch (error) {
        yield { type: 'skip', skip: await _linkSkip(abs, relativePath, error) };
        return;
      }
      if (!explicit) {
        const real = await realpath(abs).catch(() => abs);
        const skip = (reason: string): WalkEntry => ({ type: 'skip', skip: { path: relativePath, code: 'SYMLINK_SKIPPED', reason } });
        if (info.isDirectory() && ancestors.some((a) => _inside(real, a))) {
          yield skip(`Symbolic link '${relativePath}' → '${real}' loops back to a folder it is inside: it was not followed.`);
          return;
        }
        if (!followSymlinks && !_inside(rootReal, real)) {
          yield skip(`Symbolic link '${relativePath}' → '${real}' leads out of the folder being ingested: it was not followed. Set ingest.followSymlinks to true to follow such links.`);
          return;
        }
      }
    } else info = link;
    if (info.isDirectory()) {
      if (!explicit && isExcluded(relativePath)) return;
      const key = `${info.dev}:${info.ino}`;
      if (visitedDirs.has(key)) return;
      visitedDirs.add(key);
      const real = await realpath(abs).catch(() => abs);
      ancestors.push(real);
      try {
        yield* _children(abs, relativePath);
      } finally {
        ancestors.pop();
      }
      return;
    }
    if (!info.isFile()) return;
    if (!explicit && (isExcluded(relativePath) || !isIncluded(relativePath))) return;
    const key = `${info.dev}:${info.ino}`;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    yield { type: 'file', path: abs, relativePath, size: info.size, modifiedAt: Math.round(info.mtimeMs), explicit };
  }

  async function* _children(abs: string, relativePath: string): AsyncIterable<WalkEntry> {
    let names: string[];
    try {
      names = (await readdir(abs)).sort();
    } catch (error) {
      yield { type: 'skip', skip: { path: relativePath, code: 'FILE_UNREADABLE', reason: `Directory '${relativePath}' cannot be read (${(error as NodeJS.ErrnoException).code ?? error}): check its permissions or exclude it.` } };
      return;
    }
    for (const name of names) yield* visit(join(abs, name), false);
  }

  for (const root of roots) {
    rootReal = await realpath(root.abs).catch(() => root.abs);
    yield* visit(root.abs, true);
  }
}

/** True when `path` is `dir` or inside it (both real, absolute). */
function _inside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

async function _linkSkip(abs: string, relativePath: string, error: unknown): Promise<SkipReport> {
  const code = (error as NodeJS.ErrnoException).code;
  const target = await readlink(abs).catch(() => '?');
  if (code === 'ELOOP') return { path: relativePath, code: 'FILE_UNREADABLE', reason: `Symbolic link '${relativePath}' → '${target}' loops back on itself: fix or remove the link.` };
  if (code === 'ENOENT') return { path: relativePath, code: 'FILE_UNREADABLE', reason: `Symbolic link '${relativePath}' points to '${target}', which does not exist: fix or remove the link.` };
  return { path: relativePath, code: 'FILE_UNREADABLE', reason: `Symbolic link '${relativePath}' → '${target}' cannot be followed (${code ?? String(error)}): fix or remove it.` };
}
