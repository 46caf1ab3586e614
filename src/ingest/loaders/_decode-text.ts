import { FathomError } from '../../util/errors.js';

/**
 * Decode a text file strictly: UTF-8, or UTF-16 when it starts with a byte-order mark. A NUL, an invalid
 * sequence (bad UTF-8, a lone UTF-16 surrogate, an odd UTF-16 length) means the file is not text (e.g. a
 * PNG named `.md`, or binary data that happens to start with `FF FE`), reported as BINARY_CONTENT rather
 * than ingested as garbage. The NUL check applies to the decoded text, whatever the encoding.
 */
export function decodeText(bytes: Uint8Array, relativePath: string): string {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const encoding = utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8';
  if (!utf16 && bytes.includes(0)) throw _binary(relativePath, 'contains NUL bytes, so it is binary, not text');
  let text: string;
  try {
    if (utf16 && bytes.length % 2 !== 0) throw new Error('odd length');
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw _binary(relativePath, utf16 ? 'starts with a UTF-16 byte-order mark but is not valid UTF-16 (binary data?)' : 'is not valid UTF-8 text (binary, or another encoding)');
  }
  if (utf16 && text.includes('\u0000')) throw _binary(relativePath, 'decodes (as UTF-16) to text with NUL characters, so it is binary');
  return text;
}

function _binary(relativePath: string, what: string): FathomError {
  return new FathomError({
    code: 'BINARY_CONTENT',
    message: `'${relativePath}' ${what}: convert it to UTF-8 text, give it its real extension, or exclude it.`,
    details: { path: relativePath },
  });
}
