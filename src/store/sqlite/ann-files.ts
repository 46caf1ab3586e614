/**
 * Files of the approximate index: `<file>` (the usearch graph) and `<file>.meta` (format, tenant generation,
 * dims, key count, the graph file's size and hash, then per key: chunk rowid, document rowid, vector hash, as
 * float64). The meta file is removed before the graph is replaced and written after it, so a crash in between
 * leaves no meta and the graph is rebuilt. usearch crashes the process (SIGSEGV) on a malformed graph file, so a
 * graph is loaded only when its size and hash match its meta.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const header = 6;

const format = 1;

/** What the meta file records. */
export interface AnnMeta {
  generation: number;
  dims: number;
  /** Size and hash of the graph file the meta belongs to. */
  graph?: { bytes: number; hash: number };
  /** chunk rowid → [document rowid, vector hash]. */
  rows: Map<number, [number, number]>;
}

/** FNV-1a over the vector's 32-bit words. */
export function hashVector(v: Float32Array): number {
  return _fnv(new Uint32Array(v.buffer, v.byteOffset, v.length));
}

/** Whether the graph file has the size and hash its meta recorded (never load one that does not). */
export function graphMatches(file: string, meta: AnnMeta): boolean {
  const bytes = readFileSync(file);
  return meta.graph !== undefined && bytes.byteLength === meta.graph.bytes && _hashBytes(bytes) === meta.graph.hash;
}

function _hashBytes(bytes: Uint8Array): number {
  const whole = bytes.byteLength - (bytes.byteLength % 4);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  let h = _fnv(new Uint32Array(aligned.buffer, aligned.byteOffset, whole / 4));
  for (let i = whole; i < bytes.byteLength; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193) >>> 0;
  return h;
}

function _fnv(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
  return h;
}

/** The meta of `file`, or undefined when absent or malformed. */
export function readMeta(file: string): AnnMeta | undefined {
  if (!existsSync(file) || !existsSync(`${file}.meta`)) return undefined;
  const bytes = readFileSync(`${file}.meta`);
  if (bytes.byteLength < header * 8 || bytes.byteLength % 8 !== 0) return undefined;
  const a = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const count = a[3]!;
  if (a[0] !== format || a.length !== header + 3 * count) return undefined;
  const rows = new Map<number, [number, number]>();
  for (let i = header; i < a.length; i += 3) rows.set(a[i]!, [a[i + 1]!, a[i + 2]!]);
  return { generation: a[1]!, dims: a[2]!, graph: { bytes: a[4]!, hash: a[5]! }, rows };
}

/** Replace the graph (written by `saveGraph` to a temporary path) and its meta. */
export function writeMeta(file: string, meta: AnnMeta, saveGraph: (tmp: string) => void): void {
  rmSync(`${file}.meta`, { force: true });
  saveGraph(`${file}.tmp`);
  const graph = readFileSync(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  const a = new Float64Array(header + 3 * meta.rows.size);
  a.set([format, meta.generation, meta.dims, meta.rows.size, graph.byteLength, _hashBytes(graph)]);
  let i = header;
  for (const [chunkRowid, [documentRowid, hash]] of meta.rows) {
    a[i++] = chunkRowid;
    a[i++] = documentRowid;
    a[i++] = hash;
  }
  writeFileSync(`${file}.meta.tmp`, new Uint8Array(a.buffer));
  renameSync(`${file}.meta.tmp`, `${file}.meta`);
}

/** Remove the graph and its meta. */
export function removeAnnFiles(file: string): void {
  for (const f of [file, `${file}.meta`, `${file}.tmp`, `${file}.meta.tmp`]) rmSync(f, { force: true });
}
