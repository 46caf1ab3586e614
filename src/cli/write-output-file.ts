import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FathomError } from '../util/errors.js';

/**
 * Write a user-named output file (`--out`): its directory must exist and the path, if present, must be a regular
 * file. Failures are typed errors naming the path (PATH_NOT_FOUND, PATH_NOT_ACCESSIBLE), never a stack.
 */
export function writeOutputFile(path: string, text: string): void {
  const dir = _stat(dirname(path));
  if (!dir?.isDirectory()) throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot write ${path}: the directory ${dirname(path)} does not exist. Create it first or choose another --out.`, details: { path } });
  const existing = _stat(path);
  if (existing && !existing.isFile()) {
    throw new FathomError({ code: 'PATH_NOT_ACCESSIBLE', message: `Cannot write ${path}: it is ${existing.isDirectory() ? 'a directory' : 'not a regular file'}. Choose a file path for --out.`, details: { path } });
  }
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new FathomError({ code: 'PATH_NOT_ACCESSIBLE', message: `Cannot write ${path} (${code}). Choose a path you can write to.`, details: { path, reason: code }, cause: error });
  }
}

function _stat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
