/**
 * Sync: remove stored documents of a collection whose source vanished. A stored document is removed only when
 * - its source lies under one of the paths this run walked (a directory covers everything below it; a file
 *   named directly covers itself, and a record file covers the records it held: `file.jsonl#id`),
 * - it was not loaded this run,
 * - its source was not skipped this run (unreadable, malformed, too large… is not vanished), and
 * - for a whole-file source, the file is really gone from disk (an excluded or ignored file is kept).
 * Only runs after a complete (not interrupted) walk, so a partial run never deletes anything.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Store } from '../../spec/store.js';

export interface SyncOptions {
  store: Store;
  tenant: string;
  collection: string;
  /** Ids of the documents loaded this run. */
  seen: Set<string>;
  /** The paths walked, as given (relative to `cwd` or absolute). Absent (documents given directly): the whole collection. */
  sources?: string[];
  /** Paths of skip reports (`path` or `path#line`): their documents are kept. */
  skipped?: string[];
  /** Directory the paths and stored sources are relative to. @default process.cwd() */
  cwd?: string;
}

export async function syncRemoved({ store, tenant, collection, seen, sources, skipped = [], cwd = process.cwd() }: SyncOptions): Promise<string[]> {
  const roots = sources?.map((p) => _relative(cwd, p));
  const protectedPaths = skipped.map((p) => p.replace(/#\d+$/, ''));
  const gone: string[] = [];
  for await (const key of store.listDocumentKeys({ tenant, collection })) {
    if (seen.has(key.id)) continue;
    if (roots && !roots.some((root) => _under(key.source, root))) continue;
    if (protectedPaths.some((p) => _under(key.source, p))) continue;
    if (roots && !isAbsolute(key.source) && existsSync(resolve(cwd, key.source))) continue;
    gone.push(key.id);
  }
  for (let i = 0; i < gone.length; i += 500) await store.deleteDocuments({ tenant, ids: gone.slice(i, i + 500) });
  return gone;
}

/** The walk's relative form of a path (`/` separators, `.` for cwd itself). */
function _relative(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/') || '.';
}

/** Whether a stored source is `root` itself, a file below it, or a record of it (`root#…`). */
function _under(source: string, root: string): boolean {
  if (root === '.') return !source.startsWith('../') && !isAbsolute(source);
  return source === root || source.startsWith(`${root}/`) || source.startsWith(`${root}#`);
}
