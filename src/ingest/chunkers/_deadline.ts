import { FathomError } from '../../util/errors.js';

/** Throws once the chunk's time budget (`ChunkInput.deadline`) is spent; a no-op without one. */
export type _Check = () => void;

export const _noCheck: _Check = () => {};

/** The check for a deadline (epoch ms); ingest() turns the error into a skip naming the file. */
export function _deadlineCheck(deadline: number | undefined): _Check {
  if (deadline === undefined) return _noCheck;
  return () => {
    if (Date.now() > deadline) {
      throw new FathomError({
        code: 'LIMIT_EXCEEDED',
        message: 'Chunking ran past the per-file time budget (ingest.limits.fileTimeoutMs) and was stopped.',
        details: { limit: 'ingest.limits.fileTimeoutMs' },
      });
    }
  };
}
