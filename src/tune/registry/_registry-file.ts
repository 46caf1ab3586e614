import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TunedModelRegistry } from '../../spec/tune-backend.js';
import { FathomError } from '../../util/errors.js';

/** Reads the registry; a missing file is an empty registry. */
export async function _readRegistry(registryPath: string): Promise<TunedModelRegistry> {
  let text: string;
  try {
    text = await readFile(registryPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, models: [] };
    throw new FathomError({ code: 'FILE_UNREADABLE', message: `Cannot read the model registry ${registryPath}.`, cause: error, details: { path: registryPath } });
  }
  let parsed: TunedModelRegistry;
  try {
    parsed = JSON.parse(text) as TunedModelRegistry;
  } catch (error) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `The model registry ${registryPath} is not valid JSON; fix or delete it.`, cause: error, details: { path: registryPath } });
  }
  if (parsed?.version !== 1 || !Array.isArray(parsed.models)) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `${registryPath} is not a fathom model registry (expected { "version": 1, "models": [...] }).`, details: { path: registryPath } });
  }
  return parsed;
}

/** Writes the registry atomically (temp file + rename). */
export async function _writeRegistry(registryPath: string, registry: TunedModelRegistry): Promise<void> {
  await mkdir(dirname(registryPath), { recursive: true });
  const temp = `${registryPath}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(registry, null, 2)}\n`);
  await rename(temp, registryPath);
}
