import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { FathomError } from '../util/errors.js';
import { _readManifest, _writeManifest } from './_manifest.js';
import type { PulledModel } from './pulled-model.js';
import { resolveModelRef } from './resolve-model-ref.js';

/** Delete a pulled model's files (only those the manifest lists, only inside `cacheDir`) and its manifest entry. */
export function removeModel({ cacheDir, name }: { cacheDir: string; name: string }): PulledModel {
  const models = _readManifest(cacheDir);
  const wanted = models.find((m) => m.name === name) ?? models.find((m) => m.name === _tryRef(name));
  if (!wanted) {
    throw new FathomError({ code: 'NOT_FOUND', message: `No pulled model "${name.slice(0, 200)}" in ${cacheDir}: see \`fathom models list\`.`, details: { name: name.slice(0, 200), cacheDir } });
  }
  const root = resolve(cacheDir);
  for (const f of wanted.files) {
    const file = resolve(root, wanted.repo, f.path);
    if (!file.startsWith(root + sep)) continue;
    rmSync(file, { force: true });
    for (let dir = dirname(file); dir.startsWith(root + sep) && relative(root, dir) !== ''; dir = dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
  _writeManifest(cacheDir, models.filter((m) => m !== wanted));
  return wanted;
}

function _tryRef(name: string): string | undefined {
  try {
    return resolveModelRef(name).name;
  } catch {
    return undefined;
  }
}
