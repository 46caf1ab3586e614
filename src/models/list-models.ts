import { _readManifest } from './_manifest.js';
import type { PulledModel } from './pulled-model.js';

/** The models pulled into `cacheDir`, by name. */
export function listModels({ cacheDir }: { cacheDir: string }): PulledModel[] {
  return _readManifest(cacheDir).sort((a, b) => a.name.localeCompare(b.name));
}
