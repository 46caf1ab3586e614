import { FathomError } from '../../util/errors.js';

/**
 * Decode a text file strictly: UTF-8 (or UTF-16 with a byte-order mark). A NUL byte or invalid UTF-8 means
 * the file is not text (e.g. a PNG named `.md`), reported as BINARY_CONTENT rather than ingested as garbage.
 */
export function decodeText(bytes: Uint8Array, relativePath: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  if (bytes.includes(0)) {
    throw new FathomError({
      code: 'BINARY_CONTENT',
      message: `'${relativePath}' contains NUL bytes, so it is binary, not text: remove it or give it its real extension.`,
      details: { path: relativePath },
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FathomError({
      code: 'BINARY_CONTENT',
      message: `'${relativePath}' is not valid UTF-8 text (binary, or another encoding): convert it to UTF-8 or exclude it.`,
      details: { path: relativePath },
    });
  }
}
