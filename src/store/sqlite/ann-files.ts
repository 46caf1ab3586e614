/**
 * Files of the approximate index: `<file>` (the usearch graph) and `<file>.meta` (format, tenant generation,
 * dims, then per key: chunk rowid, document rowid, vector hash, as float64). The meta file is removed before
 * the graph is replaced and written after it, so a crash in between leaves no meta and the graph is rebuilt.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const format = 1;

/** What the meta file records. */
export interface AnnMeta {
  generation: number;
  dims: number;
  /** chunk rowid → [document rowid, vector hash]. */
  rows: Map<number, [number, number]>;
}

/** FNV-1a over the vector's 32-bit words. */
export function hashVector(v: Float32Array): number {
  const words = new Uint32Array(v.buffer, v.byteOffset, v.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
  return h;
}

/** The meta of `file`, or undefined when absent or malformed. */
export function readMeta(file: string): AnnMeta | undefined {
  if (!existsSync(file) || !existsSync(`${file}.meta`)) return undefined;
  const bytes = readFileSync(`${file}.meta`);
  if (bytes.byteLength < 32 || bytes.byteLength % 8 !== 0) return undefined;
  const a = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const count = a[3]!;
  if (a[0] !== format || a.length !== 4 + 3 * count) return undefined;
  const rows = new Map<number, [number, number]>();
  for (let i = 0; i < count; i++) rows.set(a[4 + 3 * i]!, [a[5 + 3 * i]!, a[6 + 3 * i]!]);
  return { generation: a[1]!, dims: a[2]!, rows };
}

/** Replace the graph (written by `saveGraph` to a temporary path) and its meta. */
export function writeMeta(file: string, meta: AnnMeta, saveGraph: (tmp: string) => void): void {
  rmSync(`${file}.meta`, { force: true });
  saveGraph(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  const a = new Float64Array(4 + 3 * meta.rows.size);
  a.set([format, meta.generation, meta.dims, meta.rows.size]);
  let i = 4;
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
