import type { LoaderInput } from '../../spec/loader.js';
import { FathomError } from '../../util/errors.js';
import { _firstInvalidUtf8 } from './_first-invalid-utf8.js';

/** The file's bytes as chunks: the stream when the caller gave one, else `bytes`. */
export async function* _chunks(input: LoaderInput): AsyncIterable<Uint8Array> {
  if (input.stream) yield* input.stream();
  else yield input.bytes;
}

/**
 * Byte chunks → strictly decoded UTF-8 text chunks (a leading BOM removed). A NUL byte in the first chunk
 * means the file is binary (BINARY_CONTENT, nothing yielded). Invalid UTF-8 later: the valid text before
 * the bad byte is yielded first, then BINARY_CONTENT names the line the bad byte is on.
 */
export async function* _decodedChunks(input: LoaderInput): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let first = true;
  let lines = 1;
  let carry: Uint8Array = new Uint8Array(0);
  const invalid = (at: number): FathomError =>
    new FathomError({
      code: 'BINARY_CONTENT',
      message: `'${input.relativePath}' is not valid UTF-8 at line ${at}: convert it to UTF-8; ${at === 1 ? 'nothing was loaded from it' : `the records before line ${at} were loaded`}.`,
      details: { path: input.relativePath, line: at },
    });
  for await (const chunk of _chunks(input)) {
    let bytes = chunk;
    if (first) {
      if (chunk.subarray(0, 8192).includes(0)) {
        throw new FathomError({
          code: 'BINARY_CONTENT',
          message: `'${input.relativePath}' contains NUL bytes, so it is binary, not a record file: remove it or give it its real extension.`,
          details: { path: input.relativePath },
        });
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      first = false;
    }
    if (carry.length) {
      const joined = new Uint8Array(carry.length + bytes.length);
      joined.set(carry);
      joined.set(bytes, carry.length);
      bytes = joined;
    }
    const cut = _completeEnd(bytes);
    carry = bytes.slice(cut);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(0, cut));
    } catch {
      const valid = decoder.decode(bytes.subarray(0, _firstInvalidUtf8(bytes, cut)));
      if (valid) yield valid;
      throw invalid(lines + _newlines(valid));
    }
    lines += _newlines(text);
    if (text) yield text;
  }
  if (carry.length) throw invalid(lines);
}

/** Where the last complete UTF-8 sequence of `bytes` ends (a sequence cut by the chunk edge is held back). */
function _completeEnd(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function _newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A line of a record file, or (`line` undefined) a line longer than the limit, dropped unread. */
export type _Line = { line: string; number: number } | { line: undefined; number: number; length: number };

/**
 * Text chunks → lines (1-based numbers), without holding the whole file and in linear time however long a
 * line is. Accepts `\n` and `\r\n`. A line longer than `maxChars` is not kept: it comes back with
 * `line: undefined` and its length, and reading goes on with the next line.
 */
export async function* _lines(input: LoaderInput, maxChars = Infinity): AsyncIterable<_Line> {
  let parts: string[] = [];
  let partLength = 0;
  let dropped = -1; // length of the line being dropped, or -1
  let number = 0;
  const finish = (tail: string): _Line => {
    number++;
    if (dropped >= 0 || partLength + tail.length > maxChars) {
      const length = (dropped >= 0 ? dropped : partLength) + tail.length;
      dropped = -1;
      parts = [];
      partLength = 0;
      return { line: undefined, number, length };
    }
    let line = parts.length ? parts.join('') + tail : tail;
    parts = [];
    partLength = 0;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    return { line, number };
  };
  for await (const text of _decodedChunks(input)) {
    let pos = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', pos)) {
      yield finish(text.slice(pos, i));
      pos = i + 1;
    }
    if (pos < text.length) {
      const rest = text.length - pos;
      if (dropped >= 0) dropped += rest;
      else if (partLength + rest > maxChars) {
        dropped = partLength + rest;
        parts = [];
        partLength = 0;
      } else {
        parts.push(pos === 0 ? text : text.slice(pos));
        partLength += rest;
      }
    }
  }
  if (partLength > 0 || dropped >= 0) yield finish('');
}
