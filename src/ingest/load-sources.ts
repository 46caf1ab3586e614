import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LoadEvent, Loader, LoaderOptions } from '../spec/loader.js';
import { FathomError } from '../util/errors.js';
import { defaultLoaders, fileLoaders, loaderForPath } from './loaders/index.js';
import { escapeControls, hasControls } from '../util/text/escape-controls.js';
import { resolveIngestLimits, type IngestLimits } from './limits/ingest-limits.js';
import { sharedParsePool } from './limits/parse-pool.js';
import { walkFiles } from './walk.js';
import type { TimedLoadEvent } from './limits/timed-load-event.js';

export interface LoadSourcesOptions {
  /** Files or directories, absolute or relative to `cwd`. A missing path throws PATH_NOT_FOUND. */
  paths: string[];
  /** Base directory; document ids are paths relative to it. */
  cwd: string;
  /** Globs against relative paths. @default all files with a known extension */
  include?: string[];
  /** Globs that win over `include`. @default node_modules, .git and .fathom */
  exclude?: string[];
  /** Whole-file formats larger than this are skipped (FILE_TOO_LARGE). Record files stream, so it does not apply to them. @default 50 MiB */
  maxFileBytes?: number;
  /** @default defaultLoaders */
  loaders?: Loader[];
  /** Options for record loaders (JSONL, CSV). */
  loaderOptions?: LoaderOptions;
  /** Stops between files and records; aborting throws FathomError INTERRUPTED (never a silent early end). */
  signal?: AbortSignal;
  /** Resource limits per file (`ingest.limits.*`). @default DEFAULT_INGEST_LIMITS */
  limits?: Partial<IngestLimits>;
  /** Follow symbolic links that lead out of the named folders (links inside are always followed). @default false */
  followSymlinks?: boolean;
}

/**
 * Walk the paths and load every file with a known extension, as a stream of events. Each file that cannot
 * be ingested (unreadable, malformed, empty, binary, too large, a dangling link, or an explicitly named file
 * of unknown type) becomes one `skip` event with a catalogue code and a reason; the run always continues.
 * Files of unknown extension found inside directories are ignored silently.
 *
 * Built-in whole-file formats (text, Markdown, HTML, PDF, DOCX) are parsed in a worker thread under
 * `limits` (wall time, heap), so a hostile file becomes a LIMIT_EXCEEDED skip instead of hanging or
 * crashing the run; record formats (JSONL, CSV) stream in-process with bounded records.
 */
export async function* loadSources({
  paths,
  cwd,
  include,
  exclude,
  maxFileBytes = 50 * 1024 * 1024,
  loaders = defaultLoaders,
  loaderOptions = {},
  signal,
  limits: givenLimits,
  followSymlinks = false,
}: LoadSourcesOptions): AsyncIterable<TimedLoadEvent> {
  const limits = resolveIngestLimits(givenLimits);
  const checkAbort = () => {
    if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: 'Loading was interrupted; run the same command again to finish (unchanged documents are skipped).', cause: signal.reason });
  };
  // One file parses ahead in the worker while the caller chunks and stores the previous one.
  let ahead: Promise<TimedLoadEvent[]> | undefined;
  async function* settle(): AsyncIterable<TimedLoadEvent> {
    if (!ahead) return;
    const events = await ahead;
    ahead = undefined;
    for (const event of events) {
      checkAbort();
      yield event;
    }
  }
  for await (const entry of walkFiles({ paths, cwd, include, followSymlinks, ...(exclude ? { exclude } : {}) })) {
    checkAbort();
    const pool = limits.isolate && entry.type === 'file' ? sharedParsePool(limits.memoryMb) : undefined;
    const loader = entry.type === 'file' ? loaderForPath(entry.path, loaders) : undefined;
    if (pool && loader && entry.type === 'file' && fileLoaders.includes(loader) && entry.size > 0 && entry.size <= maxFileBytes && !hasControls(entry.relativePath)) {
      const { path, relativePath, modifiedAt } = entry;
      const next = pool.parse({ loader: loader.name, path, relativePath, modifiedAt, options: loaderOptions, limits }, { timeoutMs: limits.fileTimeoutMs });
      yield* settle();
      ahead = next;
      continue;
    }
    yield* settle();
    if (entry.type === 'skip') {
      // A link's target or a folder name may hold control characters: never print them raw.
      yield { type: 'skip', skip: { ...entry.skip, path: escapeControls(entry.skip.path), reason: escapeControls(entry.skip.reason) } };
      continue;
    }
    const { path, relativePath, size, modifiedAt, explicit } = entry;
    const skip = (code: string, reason: string): LoadEvent => ({ type: 'skip', skip: { path: relativePath, code, reason } });
    if (hasControls(relativePath)) {
      const shown = escapeControls(relativePath);
      yield { type: 'skip', skip: { path: shown, code: 'UNSAFE_PATH', reason: `'${shown}' has control characters (a newline, tab or terminal escape) in its path, which would become its document id: rename it.` } };
      continue;
    }
    if (!loader) {
      if (explicit) {
        const known = [...new Set(loaders.flatMap((l) => l.extensions))].join(', ');
        yield skip('UNSUPPORTED_FORMAT', `'${relativePath}' has no loader for its extension: supported are ${known}. Convert it or rename it if the extension is wrong.`);
      }
      continue;
    }
    if (size === 0) {
      yield skip('FILE_EMPTY', `'${relativePath}' is empty (0 bytes): add content or exclude it.`);
      continue;
    }
    if (!loader.streaming && size > maxFileBytes) {
      yield skip('FILE_TOO_LARGE', `'${relativePath}' is ${_size(size)}, over the ${_size(maxFileBytes)} limit: split it, or raise ingest.maxFileBytes in fathom.config.json.`);
      continue;
    }
    let bytes: Uint8Array = new Uint8Array(0);
    if (!loader.streaming) {
      try {
        bytes = await readFile(path);
      } catch (error) {
        yield skip('FILE_UNREADABLE', `'${relativePath}' cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): check its permissions or exclude it.`);
        continue;
      }
    }
    const input = {
      path,
      relativePath,
      bytes,
      modifiedAt,
      options: loaderOptions,
      limits,
      deadline: Date.now() + limits.fileTimeoutMs,
      ...(loader.streaming ? { stream: () => createReadStream(path) as AsyncIterable<Uint8Array> } : {}),
    };
    try {
      // Time since the file (or the previous record) started loading, charged to its budget.
      let since = performance.now();
      for await (const event of loader.load(input)) {
        checkAbort();
        yield event.type === 'document' ? { ...event, loadMs: performance.now() - since } : event;
        since = performance.now();
      }
    } catch (error) {
      if (FathomError.isInstance(error) && error.code === 'INTERRUPTED') throw error;
      const message = error instanceof Error ? error.message : String(error);
      yield FathomError.isInstance(error)
        ? skip(error.code, error.message)
        : skip('FILE_MALFORMED', `'${relativePath}' could not be loaded by the ${loader.name} loader (${message}): check the file or exclude it.`);
    }
  }
  yield* settle();
}

function _size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
