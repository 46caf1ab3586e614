/**
 * Files of the approximate index: `<file>` (the usearch graph) and `<file>.meta`: a JSON header (format, the
 * side-file identity — database id, tenant, generation, epoch —, dims, key count, the graph file's size and hash),
 * then per key: chunk rowid, document rowid, vector hash, as float64. The meta file is removed before the graph is
 * replaced and written after it, so a crash in between leaves no meta and the graph is rebuilt. usearch crashes
 * the process (SIGSEGV) on a malformed graph file, so a graph is loaded only when its size and hash match its meta.
 *
 * Several processes may save the same graph at once: each writes its own temporary files (`<file>.<pid>.<random>.tmp`)
 * and renames them into place; a pairing of one process's graph with another's meta fails the hash check and is
 * rebuilt, never loaded. A graph is loaded from a private hard link (a copy where links are not supported), so a
 * rename by another process between the check and the load cannot swap the bytes.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SideFileIdentity } from './side-file-identity.js';

const format = 2;

/** What the meta file records. */
export interface AnnMeta {
  identity: SideFileIdentity;
  dims: number;
  /** Size and hash of the graph file the meta belongs to. */
  graph?: { bytes: number; hash: number };
  /** chunk rowid → [document rowid, vector hash]. */
  rows: Map<number, [number, number]>;
}

/**
 * A 32-bit hash of the vector's words (FNV-1a with an xor-shift per word). Plain word-wise FNV-1a cannot see sign
 * flips: flipping the top bit of two words cancels out, so a vector with an even number of negated components
 * hashed equal and a stale graph entry survived reconciliation.
 */
export function hashVector(v: Float32Array): number {
  return _hashWords(new Uint32Array(v.buffer, v.byteOffset, v.length));
}

/**
 * Load the graph of `file` through `load` only if its bytes have the size and hash `meta` recorded; false otherwise.
 */
export function loadVerifiedGraph(file: string, meta: AnnMeta, load: (path: string) => void): boolean {
  if (!meta.graph) return false;
  const snapshot = _tmpName(file);
  try {
    try {
      linkSync(file, snapshot);
    } catch {
      copyFileSync(file, snapshot);
    }
    const bytes = readFileSync(snapshot);
    if (bytes.byteLength !== meta.graph.bytes || _hashBytes(bytes) !== meta.graph.hash) return false;
    load(snapshot);
    return true;
  } finally {
    rmSync(snapshot, { force: true });
  }
}

function _hashBytes(bytes: Uint8Array): number {
  const whole = bytes.byteLength - (bytes.byteLength % 4);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  let h = _hashWords(new Uint32Array(aligned.buffer, aligned.byteOffset, whole / 4));
  for (let i = whole; i < bytes.byteLength; i++) h = _mix(h, bytes[i]!);
  return h;
}

function _hashWords(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = _mix(h, words[i]!);
  return h;
}

function _mix(h: number, word: number): number {
  h = Math.imul(h ^ word, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The meta of `file`, or undefined when absent, malformed or of an older format. */
export function readMeta(file: string): AnnMeta | undefined {
  if (!existsSync(file) || !existsSync(`${file}.meta`)) return undefined;
  try {
    const bytes = readFileSync(`${file}.meta`);
    const length = bytes.readUInt32LE(0);
    const head = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { format: number; identity: SideFileIdentity; dims: number; count: number; graph: AnnMeta['graph'] };
    const offset = _align(4 + length);
    if (head.format !== format || bytes.byteLength !== offset + head.count * 24) return undefined;
    const a = new Float64Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + bytes.byteLength));
    const rows = new Map<number, [number, number]>();
    for (let i = 0; i < a.length; i += 3) rows.set(a[i]!, [a[i + 1]!, a[i + 2]!]);
    return { identity: head.identity, dims: head.dims, graph: head.graph, rows };
  } catch {
    return undefined;
  }
}

/** Replace the graph (written by `saveGraph` to a temporary path of this call's own) and its meta. */
export function writeMeta(file: string, meta: AnnMeta, saveGraph: (tmp: string) => void): void {
  _removeStaleTemporaries(file);
  const graphTmp = _tmpName(file);
  const metaTmp = _tmpName(`${file}.meta`);
  try {
    rmSync(`${file}.meta`, { force: true });
    saveGraph(graphTmp);
    const graph = readFileSync(graphTmp);
    renameSync(graphTmp, file);
    const head = Buffer.from(JSON.stringify({ format, identity: meta.identity, dims: meta.dims, count: meta.rows.size, graph: { bytes: graph.byteLength, hash: _hashBytes(graph) } }));
    const offset = _align(4 + head.byteLength);
    const a = new Float64Array(3 * meta.rows.size);
    let i = 0;
    for (const [chunkRowid, [documentRowid, hash]] of meta.rows) {
      a[i++] = chunkRowid;
      a[i++] = documentRowid;
      a[i++] = hash;
    }
    const out = Buffer.alloc(offset + a.byteLength);
    out.writeUInt32LE(head.byteLength, 0);
    head.copy(out, 4);
    Buffer.from(a.buffer).copy(out, offset);
    writeFileSync(metaTmp, out);
    renameSync(metaTmp, `${file}.meta`);
  } finally {
    rmSync(graphTmp, { force: true });
    rmSync(metaTmp, { force: true });
  }
}

/** Remove the graph, its meta, and temporaries left by processes that no longer run. */
export function removeAnnFiles(file: string): void {
  for (const f of [file, `${file}.meta`]) rmSync(f, { force: true });
  _removeStaleTemporaries(file);
}

const _align = (n: number) => Math.ceil(n / 8) * 8;

function _tmpName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Temporaries of `file` (and of its meta) whose writer process is gone (crashed mid-save). */
function _removeStaleTemporaries(file: string): void {
  const name = basename(file);
  let entries: string[];
  try {
    entries = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = /^\.(?:meta\.)?(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.startsWith(name) ? entry.slice(name.length) : '');
    if (m && !_alive(Number(m[1]))) rmSync(join(dirname(file), entry), { force: true });
  }
}

function _alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
