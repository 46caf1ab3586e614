import type { LoaderInput } from '../../spec/loader.js';
import { FathomError } from '../../util/errors.js';

/** The file's bytes as chunks: the stream when the caller gave one, else `bytes`. */
export async function* _chunks(input: LoaderInput): AsyncIterable<Uint8Array> {
  if (input.stream) yield* input.stream();
  else yield input.bytes;
}

/**
 * Byte chunks → strictly decoded UTF-8 text chunks. A NUL byte in the first chunk means the file is binary
 * (BINARY_CONTENT, nothing yielded); invalid UTF-8 later throws BINARY_CONTENT with the line it starts on.
 */
export async function* _decodedChunks(input: LoaderInput): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let lines = 1;
  for await (const chunk of _chunks(input)) {
    if (first && chunk.subarray(0, 8192).includes(0)) {
      throw new FathomError({
        code: 'BINARY_CONTENT',
        message: `'${input.relativePath}' contains NUL bytes, so it is binary, not a record file: remove it or give it its real extension.`,
        details: { path: input.relativePath },
      });
    }
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new FathomError({
        code: 'BINARY_CONTENT',
        message: `'${input.relativePath}' is not valid UTF-8 near line ${lines}: convert it to UTF-8; records before that line were loaded.`,
        details: { path: input.relativePath, line: lines },
      });
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (text) yield text;
  }
}

/** Text chunks → lines (1-based numbers), without holding the whole file. Accepts `\n` and `\r\n`. */
export async function* _lines(input: LoaderInput): AsyncIterable<{ line: string; number: number }> {
  let rest = '';
  let number = 0;
  for await (const text of _decodedChunks(input)) {
    const parts = (rest + text).split('\n');
    rest = parts.pop()!;
    for (const part of parts) yield { line: part.endsWith('\r') ? part.slice(0, -1) : part, number: ++number };
  }
  if (rest) yield { line: rest, number: ++number };
}
