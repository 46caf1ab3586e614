import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FathomError } from '../util/errors.js';
import { _readManifest, _writeManifest } from './_manifest.js';
import { _hubFetch, type _HubFile } from './_hub-fetch.js';
import type { PulledModel } from './pulled-model.js';
import { resolveModelRef } from './resolve-model-ref.js';

export interface PullProgress {
  file: string;
  /** Bytes of this file received so far. */
  loaded: number;
  /** Size the hub announced, when it did. */
  total?: number;
}

export interface PullModelOptions {
  /** Catalogue name or `org/repo/file` (see `resolveModelRef`). */
  name: string;
  /** Where models live: files go to `<cacheDir>/<repo>/<file>`, the same layout transformers.js reads. */
  cacheDir: string;
  /** Hub base URL serving `/{repo}/resolve/{revision}/{file}`. @default 'https://huggingface.co' */
  hubUrl?: string;
  /** @default 'main' */
  revision?: string;
  /** Bearer token for gated or private repositories. */
  token?: string;
  onProgress?: (p: PullProgress) => void;
  signal?: AbortSignal;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  _internal?: { now?: () => Date };
}

export interface PullModelResult {
  model: PulledModel;
  /** True when every file was already in the cache with the hub's checksum: nothing was downloaded. */
  cached: boolean;
  warnings: { type: 'no-checksum'; file: string; message: string }[];
}

/**
 * Download a model's files from a Hugging Face–style hub into the cache, verifying each file's size and checksum
 * (the hub's `x-linked-etag` is the SHA-256 of an LFS file; a plain `etag` of 40 hex digits is its git blob SHA-1).
 * A file is written under a temporary name and renamed only once verified; a mismatch deletes it.
 */
export async function pullModel({ name, cacheDir, hubUrl = 'https://huggingface.co', revision = 'main', token, onProgress, signal, fetch: fetchImpl = globalThis.fetch, _internal = {} }: PullModelOptions): Promise<PullModelResult> {
  const ref = resolveModelRef(name);
  const known = _readManifest(cacheDir);
  const previous = known.find((m) => m.name === ref.name);
  const files: PulledModel['files'] = [];
  const warnings: PullModelResult['warnings'] = [];
  let commit: string | undefined;
  let downloaded = false;
  for (const file of ref.files) {
    const dest = join(cacheDir, ref.repo, file);
    const hub = await _hubFetch({ hubUrl, repo: ref.repo, revision, file, token, signal, fetchImpl });
    commit ??= hub.commit;
    const have = previous?.files.find((f) => f.path === file);
    if (have && existsSync(dest) && statSync(dest).size === have.bytes && (hub.sha256 ? hub.sha256 === have.sha256 : hub.commit !== undefined && hub.commit === previous?.commit)) {
      await hub.discard();
      files.push(have);
      continue;
    }
    const got = await _download(hub, dest, file, onProgress);
    downloaded = true;
    if (!hub.sha256 && !hub.gitSha1) warnings.push({ type: 'no-checksum', file, message: `The hub sent no checksum for ${file}; its size was checked only.` });
    files.push({ path: file, bytes: got.bytes, sha256: got.sha256 });
  }
  const format = ref.format;
  const model: PulledModel = {
    name: ref.name, repo: ref.repo, revision, ...(commit ? { commit } : {}), ...(ref.role ? { role: ref.role } : {}), ...(format ? { format } : {}),
    path: format === 'gguf' && ref.files.length === 1 ? join(cacheDir, ref.repo, ref.files[0]!) : join(cacheDir, ref.repo),
    files, bytes: files.reduce((s, f) => s + f.bytes, 0), pulledAt: (_internal.now?.() ?? new Date()).toISOString(),
  };
  _writeManifest(cacheDir, [...known.filter((m) => m.name !== ref.name), model]);
  return { model, cached: !downloaded, warnings };
}

async function _download(hub: _HubFile, dest: string, file: string, onProgress?: (p: PullProgress) => void): Promise<{ bytes: number; sha256: string }> {
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.${process.pid}.partial`;
  const sha256 = createHash('sha256');
  const sha1 = hub.gitSha1 && hub.size !== undefined ? createHash('sha1').update(`blob ${hub.size}\0`) : undefined;
  let bytes = 0;
  const body = await hub.open();
  const fh = await open(partial, 'w');
  try {
    onProgress?.({ file, loaded: 0, total: hub.size });
    for await (const chunk of (body ?? []) as unknown as AsyncIterable<Uint8Array>) {
      await fh.write(chunk);
      sha256.update(chunk);
      sha1?.update(chunk);
      bytes += chunk.length;
      onProgress?.({ file, loaded: bytes, total: hub.size });
    }
  } catch (error) {
    await fh.close();
    rmSync(partial, { force: true });
    if (FathomError.isInstance(error)) throw error;
    throw new FathomError({ code: 'PROVIDER_REQUEST_FAILED', message: `Downloading ${file} was interrupted (${error instanceof Error ? error.message : String(error)}); run the pull again.`, cause: error });
  }
  await fh.close();
  const digest = sha256.digest('hex');
  const mismatch =
    hub.size !== undefined && bytes !== hub.size ? `size ${bytes} bytes, the hub announced ${hub.size}`
    : hub.sha256 && digest !== hub.sha256 ? `SHA-256 ${digest}, the hub announced ${hub.sha256}`
    : sha1 && hub.gitSha1 && sha1.digest('hex') !== hub.gitSha1 ? `git blob SHA-1 differs from the hub's ${hub.gitSha1}`
    : undefined;
  if (mismatch) {
    rmSync(partial, { force: true });
    throw new FathomError({ code: 'MODEL_CHECKSUM_MISMATCH', message: `Downloaded ${file} does not match the hub (${mismatch}); the file was deleted. Run the pull again; if it repeats, the mirror or a proxy is altering the file.`, details: { file, bytes, sha256: digest, expected: { bytes: hub.size, sha256: hub.sha256 } } });
  }
  renameSync(partial, dest);
  return { bytes, sha256: digest };
}
