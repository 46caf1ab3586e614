import type { SkipReport } from '../../spec/loader.js';
import { FathomError } from '../../util/errors.js';

/** Turn anything a loader threw into a skip a person can act on. */
export function skipFromError(error: unknown, path: string, format: string): SkipReport {
  if (FathomError.isInstance(error)) {
    const { limit, value, max } = error.details;
    const detail = error.code === 'LIMIT_EXCEEDED' && typeof limit === 'string' ? { limit: { name: limit, value: Number(value), max: Number(max) } } : {};
    return { path, code: error.code, reason: error.message, ...detail };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    return { path, code: 'FILE_UNREADABLE', reason: `'${path}' cannot be read (${errno}): check it exists and is readable, or exclude it.` };
  }
  return {
    path,
    code: 'FILE_MALFORMED',
    reason: `'${path}' could not be read as ${format} (${detail}): check the file opens in its usual application, or exclude it.`,
  };
}
