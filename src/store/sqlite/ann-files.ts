/**
 * Files of the approximate index: `<file>` (the usearch graph) and `<file>.meta`: a JSON header (format, the
 * side-file identity — database id, tenant, generation, epoch —, dims, key count, the graph file's size, hash,
 * sampled hash and file identity), then per key in chunk-rowid order: chunk rowid, document rowid, vector hash, as
 * float64. The meta file is removed before the graph is replaced and written after it, so a crash in between leaves
 * no meta and the graph is rebuilt. usearch crashes the process (SIGSEGV) on a malformed graph file, so a graph is
 * opened only when its bytes match its meta.
 *
 * A cold process memory-maps the graph (usearch `view`) instead of reading it: it opens the file, and when the
 * descriptor's inode, size and modification time are those the meta recorded and a sample of the bytes (first and
 * last 64 KiB, 16 pages between) hashes as recorded, maps it through `/dev/fd/<fd>` — the very inode checked, even if
 * another process renames a new graph into place meanwhile. Otherwise (a copied store: new inode) the whole file is
 * hashed, streamed. Graph files are never written in place (temporary file, then rename), so a mapped inode never
 * changes under a reader. The descriptor stays open while the view is used: a write in this process loads the graph
 * from it into memory first (a view is read-only). Without `/dev/fd` the graph is read whole from a private hard link.
 *
 * Several processes may save the same graph at once: each writes its own temporary files (`<file>.<pid>.<random>.tmp`)
 * and renames them into place; a pairing of one process's graph with another's meta fails the identity and hash
 * checks and is rebuilt, never opened.
 */
import { nodeCrypto } from '../../util/node-crypto.js';
import { closeSync, copyFileSync, existsSync, fstatSync, linkSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SideFileIdentity } from './side-file-identity.js';

const format = 3;

/** What the meta file records. */
export interface AnnMeta {
  identity: SideFileIdentity;
  dims: number;
  /** Size, hash, sampled hash and file identity (inode, mtime in ns) of the graph file the meta belongs to. */
  graph?: { bytes: number; hash: number; sample?: number; file?: { ino: string; mtimeNs: string } };
  /** Keys in the graph. */
  count: number;
  /** Per key, sorted by chunk rowid: chunk rowid, document rowid, vector hash (see {@link annRowsOf}). */
  table: Float64Array;
}

/** What `writeMeta` records: the rows as a map. */
export interface AnnMetaWrite {
  identity: SideFileIdentity;
  dims: number;
  /** chunk rowid → [document rowid, vector hash]. */
  rows: Map<number, [number, number]>;
}

/** An opened graph: `fd` backs a memory-mapped view (close it when done); undefined when read into memory. */
export interface OpenedGraph {
  fd?: number;
}

/** The rows of a meta table as a map (chunk rowid → [document rowid, vector hash]). */
export function annRowsOf(table: Float64Array): Map<number, [number, number]> {
  const rows = new Map<number, [number, number]>();
  for (let i = 0; i < table.length; i += 3) rows.set(table[i]!, [table[i + 1]!, table[i + 2]!]);
  return rows;
}

/** The document rowid of `chunkRowid` in a meta table (binary search), or undefined. */
export function documentInTable(table: Float64Array, chunkRowid: number): number | undefined {
  let lo = 0;
  let hi = table.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = table[mid * 3]!;
    if (key === chunkRowid) return table[mid * 3 + 1];
    if (key < chunkRowid) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
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
 * Open the graph of `file` into `graph` only if its bytes are those `meta` recorded: memory-mapped through a held
 * descriptor where `/dev/fd` exists (see the header), else read whole from a private snapshot. False when they differ.
 */
export function openVerifiedGraph(file: string, meta: AnnMeta, graph: { view: (path: string) => void; load: (path: string) => void }): OpenedGraph | false {
  if (!meta.graph) return false;
  if (!existsSync('/dev/fd')) return _loadSnapshot(file, meta.graph, graph.load) && {};
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    const bytes = Number(stat.size);
    if (bytes !== meta.graph.bytes) throw _mismatch;
    const same = meta.graph.file?.ino === String(stat.ino) && meta.graph.file.mtimeNs === String(stat.mtimeNs);
    if (!(same && _sampleHash(fd, bytes) === meta.graph.sample) && _hashFile(fd, bytes) !== meta.graph.hash) throw _mismatch;
    graph.view(`/dev/fd/${fd}`);
    return { fd };
  } catch (error) {
    closeSync(fd);
    if (error === _mismatch) return false;
    throw error;
  }
}

const _mismatch = new Error('graph file does not match its meta');

function _loadSnapshot(file: string, recorded: NonNullable<AnnMeta['graph']>, load: (path: string) => void): boolean {
  const snapshot = _tmpName(file);
  try {
    try {
      linkSync(file, snapshot);
    } catch {
      copyFileSync(file, snapshot);
    }
    const bytes = readFileSync(snapshot);
    if (bytes.byteLength !== recorded.bytes || _hashBytes(bytes) !== recorded.hash) return false;
    load(snapshot);
    return true;
  } finally {
    rmSync(snapshot, { force: true });
  }
}

/** The whole-file hash (as `_hashBytes`), read in 8 MiB blocks so a large graph is never held in memory. */
function _hashFile(fd: number, bytes: number): number {
  const block = Buffer.alloc(8 * 2 ** 20);
  let h = 0x811c9dc5;
  for (let at = 0; at < bytes; ) {
    const n = readSync(fd, block, 0, Math.min(block.byteLength, bytes - at), at);
    if (n <= 0) throw _mismatch;
    const whole = at + n === bytes ? n - (n % 4) : n;
    if (whole % 4 !== 0) throw _mismatch; // a short read that splits a word: compare nothing rather than misalign
    const words = new Uint32Array(block.buffer, block.byteOffset, whole / 4);
    for (let i = 0; i < words.length; i++) h = _mix(h, words[i]!);
    for (let i = whole; i < n; i++) h = _mix(h, block[i]!);
    at += n;
  }
  return h;
}

/** A hash of the first and last 64 KiB and 16 evenly spaced 4 KiB pages (word-aligned offsets). */
function _sampleHash(fd: number, bytes: number): number {
  const spans: Array<[number, number]> = [[0, 65_536], [Math.max(0, bytes - 65_536), 65_536]];
  for (let i = 1; i <= 16; i++) spans.push([Math.floor((bytes * i) / 17 / 4) * 4, 4_096]);
  let h = 0x811c9dc5;
  const block = Buffer.alloc(65_536);
  for (const [start, length] of spans) {
    const n = readSync(fd, block, 0, Math.min(length, bytes - start), start);
    const bytesRead = block.subarray(0, n);
    h = _mix(h, _hashBytes(bytesRead));
  }
  return h;
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
    // A large read has its own aligned buffer: view it; a pooled small one is copied out.
    const at = bytes.byteOffset + offset;
    const table = at % 8 === 0 ? new Float64Array(bytes.buffer, at, head.count * 3) : new Float64Array(bytes.buffer.slice(at, at + head.count * 24));
    return { identity: head.identity, dims: head.dims, graph: head.graph, count: head.count, table };
  } catch {
    return undefined;
  }
}

/** Replace the graph (written by `saveGraph` to a temporary path of this call's own) and its meta. */
export function writeMeta(file: string, meta: AnnMetaWrite, saveGraph: (tmp: string) => void): void {
  _removeStaleTemporaries(file);
  const graphTmp = _tmpName(file);
  const metaTmp = _tmpName(`${file}.meta`);
  try {
    rmSync(`${file}.meta`, { force: true });
    saveGraph(graphTmp);
    const fd = openSync(graphTmp, 'r');
    let graph: NonNullable<AnnMeta['graph']>;
    try {
      const stat = fstatSync(fd, { bigint: true });
      const bytes = Number(stat.size);
      graph = { bytes, hash: _hashFile(fd, bytes), sample: _sampleHash(fd, bytes), file: { ino: String(stat.ino), mtimeNs: String(stat.mtimeNs) } };
    } finally {
      closeSync(fd);
    }
    renameSync(graphTmp, file);
    const head = Buffer.from(JSON.stringify({ format, identity: meta.identity, dims: meta.dims, count: meta.rows.size, graph }));
    const offset = _align(4 + head.byteLength);
    const a = new Float64Array(3 * meta.rows.size);
    let i = 0;
    for (const chunkRowid of [...meta.rows.keys()].sort((x, y) => x - y)) {
      const [documentRowid, hash] = meta.rows.get(chunkRowid)!;
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
  return `${file}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
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
