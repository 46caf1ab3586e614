import { inflateRawSync } from 'node:zlib';
import { limitExceeded } from '../limits/limit-exceeded.js';

/** An entry of a zip's central directory. */
interface _Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Refuse a zip (DOCX) whose parts would decompress past `max` bytes, before a parser inflates them: the
 * sizes the central directory declares for the parts `isPart` selects are summed, then each such part is
 * inflated with its declared size as a hard cap, so a part that lies about its size is caught too.
 * Throws LIMIT_EXCEEDED (ingest.limits.decompressedBytes). A file that is not a readable zip passes
 * through (the parser reports it).
 */
export function _checkZipSizes(bytes: Uint8Array, { path, max, isPart }: { path: string; max: number; isPart: (name: string) => boolean }): void {
  const entries = _centralDirectory(bytes)?.filter((e) => isPart(e.name));
  if (!entries) return;
  const over = (value: number, what: string, atLeast = false) =>
    limitExceeded({ path, limit: 'decompressedBytes', value, max, what, atLeast });
  let declared = 0;
  for (const e of entries) declared += e.size === 0xffffffff ? Infinity : e.size;
  if (declared > max) throw over(Number.isFinite(declared) ? declared : 0xffffffff, 'its XML parts declare', !Number.isFinite(declared));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const o = e.localOffset;
    if (o + 30 > bytes.length || view.getUint32(o, true) !== 0x04034b50) return;
    const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    let actual = data.length;
    if (e.method === 8) {
      try {
        actual = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') return;
        actual = e.size + 1;
      }
    }
    if (actual > e.size) throw over(e.size, `part '${e.name}' declares ${e.size.toLocaleString('en-US')} bytes but inflates to`, true);
  }
}

/**
 * The text of the zip parts `isPart` selects (after `_checkZipSizes`, so their sizes are known to be bounded),
 * by name. Undefined when the file is not a readable zip.
 */
export function _readZipParts(bytes: Uint8Array, isPart: (name: string) => boolean): Map<string, string> | undefined {
  const entries = _centralDirectory(bytes)?.filter((e) => isPart(e.name));
  if (!entries) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  const decoder = new TextDecoder();
  for (const e of entries) {
    const o = e.localOffset;
    if (o + 30 > bytes.length || view.getUint32(o, true) !== 0x04034b50) return undefined;
    const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    out.set(e.name, decoder.decode(e.method === 8 ? inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }) : data));
  }
  return out;
}

function _centralDirectory(bytes: Uint8Array): _Entry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: _Entry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(p + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}
