import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TuneDataFileRef } from '../../spec/tune-job.js';
import { FathomError } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';

/** Reads a data file and describes it (absolute path, SHA-256, size). */
export async function _readDataFile(path: string, field: string): Promise<{ ref: TuneDataFileRef; bytes: Uint8Array }> {
  const absolute = resolve(path);
  const bytes = await readFile(absolute).catch((cause: unknown) => {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `${field} file not found: ${absolute}.`, cause, details: { path: absolute } });
  });
  if (bytes.byteLength === 0) throw new FathomError({ code: 'FILE_EMPTY', message: `${field} file ${absolute} is empty.`, details: { path: absolute } });
  return { ref: { path: absolute, sha256: sha256(bytes), bytes: bytes.byteLength }, bytes };
}
