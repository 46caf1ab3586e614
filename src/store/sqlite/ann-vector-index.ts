/**
 * The approximate vector index: one usearch HNSW graph per tenant (inner product over row-normalised vectors,
 * keys = chunk rowids), used above a size threshold.
 *
 * Why usearch HNSW (bench/results/vector.json: 100k × 384 clustered, 200 queries, this shared 2-core machine):
 * HNSW f16 recall@10 0.9975 and f32 0.9995 at p50 ≈ 0.35 ms, against p50 42 / p95 53 ms for usearch's SIMD
 * exact scan (the brute-force floor in that run) and 145 / 216 ms for the JavaScript scan. A hand-written IVF or
 * int8 scan still reads a large share of the matrix per query, so it cannot approach sub-millisecond latency.
 * f16 is the default: recall equal within 0.002 at half the memory and file size (87 vs 161 MB per 100k).
 * usearch is prebuilt (no compiler), persists to a file and removes keys in place. Its cost is the build:
 * 54 s per 100k on two idle cores, 3–4 min when the machine is contended. Filters: exact scoring over a 1%
 * candidate set (p95 ≈ 1 ms in memory) beats HNSW deepening (p95 23 ms, recall 0.96), which wins at 10%
 * (p95 9 vs 15 ms) — hence `filterExactLimit`.
 *
 * A cold process memory-maps a current saved graph (usearch `view`, see ann-files.ts) and keeps the meta's sorted key
 * table instead of building a map: opening costs a few page reads, not a read of every vector; the first write in
 * the process loads the graph into memory (a view is read-only) and builds the map.
 *
 * SQLite stays the source of truth. The graph is saved beside the database (`<db>.t<tenant>.usearch`, plus a
 * `.meta` file with the tenant generation and every key's document rowid and vector hash) after a build, after
 * deletions and on close; on open a stale file (crash, or writes by another process) is reconciled against the
 * `vectors` table by key and hash, and a missing or unreadable one is rebuilt. Removed keys are scrubbed: usearch
 * keeps a removed vector's bytes in its slot, so zero vectors are added into the freed slots and removed again,
 * and no deleted vector survives in the saved file.
 */
import { Index, MetricKind, type ScalarKind } from './_usearch.js';
import type { Scored } from '../../util/math/vector-math.js';
import type { IndexDelta, VectorRow } from './index-delta.js';
import { closeSync } from 'node:fs';
import { annRowsOf, documentInTable, hashVector, openVerifiedGraph, readMeta, writeMeta } from './ann-files.js';
import { isCurrent, sameOwner, type SideFileIdentity } from './side-file-identity.js';

/** HNSW settings of the approximate index. */
export interface AnnSettings {
  connectivity: number;
  expansionAdd: number;
  expansionSearch: number;
  quantization: 'f32' | 'f16';
  buildThreads: number;
}

/** A tenant's approximate index. */
export interface AnnVectorIndex {
  kind: 'ann';
  generation: number;
  dims: number;
  count: number;
  graph: Index;
  /** chunk rowid → [document rowid, hash of the normalised vector]; built from `table` on first write. */
  rows?: Map<number, [number, number]>;
  /** The saved meta's key table (sorted by chunk rowid) while `rows` is not built. */
  table?: Float64Array;
  /** While the graph is a memory-mapped view: the descriptor of the file it maps, and how to make a writable graph. */
  view?: { fd: number; settings: AnnSettings };
  /** Changed since last saved. */
  dirty: boolean;
}

const dummyKey = 2n ** 62n;

/** Build from stored rows. */
export function buildAnnIndex(generation: number, dims: number, rows: VectorRow[], settings: AnnSettings): AnnVectorIndex {
  const index: AnnVectorIndex = { kind: 'ann', generation, dims, count: 0, graph: _graph(dims, settings), rows: new Map(), dirty: true };
  _add(index, rows, settings.buildThreads);
  return index;
}

/**
 * Open a saved index (memory-mapped when possible) and bring it to the current state against `current` rows;
 * undefined when it must be rebuilt or `accept` refuses its meta (dims `undefined`: the meta's).
 * A file recorded for another database or tenant is never loaded; one of this tenant at another generation or
 * epoch is reconciled against the stored rows.
 */
export function openAnnIndex(
  file: string,
  identity: SideFileIdentity,
  dims: number | undefined,
  settings: AnnSettings,
  current: () => VectorRow[],
  accept: (meta: { identity: SideFileIdentity; count: number }) => boolean = () => true,
): AnnVectorIndex | undefined {
  try {
    const meta = readMeta(file);
    if (!meta || (dims !== undefined && meta.dims !== dims) || !sameOwner(meta.identity, identity) || !accept(meta)) return undefined;
    const graph = _graph(meta.dims, settings);
    const opened = openVerifiedGraph(file, meta, graph);
    if (!opened) return undefined;
    const index: AnnVectorIndex = { kind: 'ann', generation: meta.identity.generation, dims: meta.dims, count: meta.count, graph, table: meta.table, dirty: false };
    if (opened.fd !== undefined) index.view = { fd: opened.fd, settings };
    if (graph.size() !== meta.count) {
      releaseAnnIndex(index);
      return undefined;
    }
    if (!isCurrent(meta.identity, identity)) reconcileAnnIndex(index, identity.generation, current());
    return index;
  } catch {
    return undefined;
  }
}

/** Close the descriptor behind a memory-mapped graph (after the index is dropped from use). */
export function releaseAnnIndex(index: AnnVectorIndex): void {
  if (!index.view) return;
  closeSync(index.view.fd);
  index.view = undefined;
}

/** Make the index hold exactly `rows` (by key and vector hash): for writes made by another process. */
export function reconcileAnnIndex(index: AnnVectorIndex, generation: number, rows: VectorRow[]): void {
  const seen = new Set<number>();
  const added: VectorRow[] = [];
  const removed: number[] = [];
  const current = _rows(index);
  for (const r of rows) {
    seen.add(r.chunkRowid);
    const have = current.get(r.chunkRowid);
    if (have && have[1] === hashVector(_normalized(r.vector)) && have[0] === r.documentRowid) continue;
    if (have) removed.push(r.chunkRowid);
    added.push(r);
  }
  for (const key of current.keys()) if (!seen.has(key)) removed.push(key);
  _remove(index, removed);
  _add(index, added, 1);
  index.generation = generation;
}

/** Apply this process's committed delta (added rows first). */
export function applyAnnDelta(index: AnnVectorIndex, delta: IndexDelta): void {
  _add(index, delta.addedVectors, 1);
  _remove(index, delta.removedVectors);
  index.generation = delta.from + 1;
}

/** Save when changed (atomically: the meta file is removed first and written last), recording `identity`. */
export function saveAnnIndex(index: AnnVectorIndex, file: string, identity: SideFileIdentity): void {
  if (!index.dirty) return;
  // The epoch is known only for the generation read with it; otherwise record none, so the file is reconciled on load.
  const recorded = { ...identity, generation: index.generation, epoch: identity.generation === index.generation ? identity.epoch : '' };
  writeMeta(file, { identity: recorded, dims: index.dims, rows: _rows(index) }, (tmp) => index.graph.save(tmp));
  index.dirty = false;
}

/** Up to `k` nearest keys of the normalised query `q` whose document is allowed, best first. */
export function searchAnnIndex(index: AnnVectorIndex, q: Float32Array, k: number, allowedDocuments?: Set<number>): Array<Scored & { chunkRowid: number }> {
  const size = index.graph.size();
  if (size === 0) return [];
  for (let want = allowedDocuments ? k * 4 : k; ; want *= 4) {
    const found = index.graph.search(q, Math.min(want, size), 1);
    const out: Array<Scored & { chunkRowid: number }> = [];
    for (let i = 0; i < found.keys.length && out.length < k; i++) {
      const chunkRowid = Number(found.keys[i]);
      const document = index.rows ? index.rows.get(chunkRowid)?.[0] : documentInTable(index.table!, chunkRowid);
      if (document === undefined || (allowedDocuments && !allowedDocuments.has(document))) continue;
      out.push({ index: i, chunkRowid, score: 1 - found.distances[i]! });
    }
    if (out.length >= k || want >= size) return out;
  }
}

function _graph(dims: number, s: AnnSettings): Index {
  return new Index({
    dimensions: dims, metric: MetricKind.IP, quantization: s.quantization as ScalarKind,
    connectivity: s.connectivity, expansion_add: s.expansionAdd, expansion_search: s.expansionSearch, multi: false,
  });
}

function _normalized(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const scale = s > 0 ? 1 / Math.sqrt(s) : 0;
  return v.map((x) => x * scale);
}

function _add(index: AnnVectorIndex, rows: VectorRow[], threads: number): void {
  const fresh = rows.filter((r) => r.vector.length === index.dims);
  if (fresh.length === 0) return;
  const current = _writable(index);
  const matrix = new Float32Array(fresh.length * index.dims);
  const keys = new BigUint64Array(fresh.length);
  fresh.forEach((r, i) => {
    const v = _normalized(r.vector);
    matrix.set(v, i * index.dims);
    keys[i] = BigInt(r.chunkRowid);
    current.set(r.chunkRowid, [r.documentRowid, hashVector(v)]);
  });
  index.graph.add(keys, matrix, threads);
  index.count = current.size;
  index.dirty = true;
}

/** Remove keys, then overwrite their freed slots with zero vectors and remove those too (see the header). */
function _remove(index: AnnVectorIndex, chunkRowids: number[]): void {
  let removed = 0;
  if (chunkRowids.length === 0) return;
  const current = _writable(index);
  for (const chunkRowid of chunkRowids) {
    if (!current.delete(chunkRowid)) continue;
    removed += index.graph.remove(BigInt(chunkRowid)) as number;
  }
  if (removed === 0) return;
  const dummies = BigUint64Array.from({ length: removed }, (_, i) => dummyKey + BigInt(i));
  index.graph.add(dummies, new Float32Array(removed * index.dims), 1);
  index.graph.remove(dummies);
  index.count = current.size;
  index.dirty = true;
}

/** The key map, built from the meta table on first use. */
function _rows(index: AnnVectorIndex): Map<number, [number, number]> {
  if (!index.rows) {
    index.rows = annRowsOf(index.table ?? new Float64Array(0));
    index.table = undefined;
  }
  return index.rows;
}

/** Make the graph writable (a memory-mapped view is read into memory from the very file it maps) and return the key map. */
function _writable(index: AnnVectorIndex): Map<number, [number, number]> {
  if (index.view) {
    const graph = _graph(index.dims, index.view.settings);
    graph.load(`/dev/fd/${index.view.fd}`);
    releaseAnnIndex(index);
    index.graph = graph;
  }
  return _rows(index);
}
