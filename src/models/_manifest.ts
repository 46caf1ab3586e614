import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PulledModel } from './pulled-model.js';

const FILE = 'fathom-models.json';

export function _readManifest(cacheDir: string): PulledModel[] {
  const file = join(cacheDir, FILE);
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { models?: PulledModel[] };
    return Array.isArray(parsed.models) ? parsed.models : [];
  } catch {
    return [];
  }
}

/** Replace the manifest atomically (write + rename), so a crash never leaves it half written. */
export function _writeManifest(cacheDir: string, models: PulledModel[]): void {
  mkdirSync(cacheDir, { recursive: true });
  const tmp = join(cacheDir, `${FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify({ version: 1, models }, null, 2)}\n`);
  renameSync(tmp, join(cacheDir, FILE));
}
