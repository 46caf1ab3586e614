import { FathomError, toFathomError } from '../util/errors.js';

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EINVAL: 'invalid argument',
  EFBIG: 'file too large',
};

/**
 * Anything thrown → the FathomError a user sees. File-system errors name the path and what to do; citty usage
 * errors are INVALID_ARGUMENT; anything else is INTERNAL with a short message (the stack only with FATHOM_DEBUG).
 */
export function toUserError(error: unknown): FathomError {
  if (FathomError.isInstance(error)) return error;
  const e = error as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string' && e.code in FS_REASONS && typeof e.syscall === 'string') {
    if (typeof e.path !== 'string') {
      return new FathomError({ code: 'PATH_NOT_ACCESSIBLE', message: `A file ${e.syscall} failed: ${FS_REASONS[e.code]}. Check the file or path you named (is it a regular, writable file?).`, details: { reason: e.code, syscall: e.syscall }, cause: error });
    }
    const verb = e.syscall === 'mkdir' ? 'create the directory' : e.syscall === 'scandir' || e.syscall === 'opendir' ? 'read the directory' : 'open';
    const missing = e.code === 'ENOENT' || e.code === 'ENOTDIR';
    return new FathomError({
      code: missing ? 'PATH_NOT_FOUND' : 'PATH_NOT_ACCESSIBLE',
      message: `Cannot ${verb} ${e.path}: ${FS_REASONS[e.code]}. ${missing ? 'Check the path (its directory must exist).' : 'Choose a path you can read and write.'}`,
      details: { path: e.path, reason: e.code },
      cause: error,
    });
  }
  if (error instanceof Error && (error.name === 'CLIError' || /Missing required|Invalid value for argument/i.test(error.message))) {
    return new FathomError({ code: 'INVALID_ARGUMENT', message: `${error.message.replace(/\u001b\[[0-9;]*m/g, '')}. See --help.`, cause: error });
  }
  return toFathomError(error, 'INTERNAL');
}
