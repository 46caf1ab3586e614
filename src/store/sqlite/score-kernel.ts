/**
 * The inner loops of BM25 scoring (keyword-index.ts `scorePostings`) as a tiny WebAssembly module: its 325 bytes
 * are below as base64, written from opcodes by build-score-kernel.ts (score-postings.test.ts checks they match;
 * building them in a cold process cost ~1.5 ms). Why: a cold CLI process runs JavaScript interpreted, boxing every
 * double it computes (~1.2 MB of garbage for 9,000 postings, a scavenge) until V8 compiles the loop on the fly (OSR,
 * more CPU than the loop itself); WebAssembly runs compiled from the first posting and allocates nothing. The
 * arithmetic is the same IEEE-754 double operations in the same order, so scores are bit-identical to the
 * JavaScript loop (score-postings.test.ts checks both against the definition).
 *
 * Memory (one page set per process, grown for the largest query's postings, never shrunk): the window's
 * accumulators, document rowids, first-touch flags and touched slots, the collected candidates, the 256 BM25
 * length denominators, then the query terms' postings (u32 triples) copied in.
 */

/** Chunk rowids per window; equals keyword-index.ts `scoreWindow`. */
const W = 4096;
const P_SCRATCH = 0;
const DEN = 8;
const ACC = DEN + 256 * 8;
const DOCS = ACC + W * 8;
const TOUCHED = DOCS + W * 4;
const OUT = TOUCHED + W * 4;
const SEEN = OUT + W * 4;
/** Where the postings are copied (byte offset, 16-aligned). */
const POSTINGS = (SEEN + W + 15) & ~15;

/** The part of `WebAssembly.Memory` used here (the project's TypeScript libs do not declare WebAssembly). */
interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

export interface ScoreKernel {
  memory: KernelMemory;
  /**
   * Add one term's postings from byte `p` (below `stop`, chunk rowid below `end`) into the window starting at `base`,
   * weight `w`; `count` slots touched so far. Returns the new count; the byte offset reached is at {@link P_SCRATCH}.
   */
  accumulate(p: number, stop: number, base: number, end: number, w: number, count: number): number;
  /** Clear the window's `count` touched slots and list (at OUT, unsorted) those scoring above `floor`; returns how many. */
  collect(count: number, floor: number): number;
}

export const kernelLayout = { W, P_SCRATCH, DEN, ACC, DOCS, TOUCHED, OUT, SEEN, POSTINGS } as const;

/** The module: `buildScoreKernel()` (build-score-kernel.ts), base64. */
export const kernelBase64 = 'AGFzbQEAAAABEQJgBn9/f398fwF/YAJ/fAF/AwMCAAEFAwEAAwcNAwFtAgABYQAAAWMAAQqOAgK3AQIDfwF8AkADQCAAIAFPDQEgACgCACIGIANPDQEgBiACayEHIActAIiQBUUEQCAHQQE6AIiQBSAFQQJ0IAc2AoiQAyAFQQFqIQUgB0EDdEQAAAAAAAAAADkDiBAgB0ECdCAAKAIENgKIkAILIAAoAgghCCAIQQh2uCEJIAdBA3QgB0EDdCsDiBAgBCAJoiAJIAhB/wFxQQN0KwMIoKOgOQOIECAAQQxqIQAMAAsLQQAgADYCACAFC1MBA38CQANAIAIgAE8NASACQQJ0KAKIkAMhBCAEQQA6AIiQBSAEQQN0KwOIECABZARAIANBAnQgBDYCiJAEIANBAWohAwsgAkEBaiECDAALCyADCw==';

let _kernel: ScoreKernel | null | undefined;

/** The kernel, compiled once per process; undefined where WebAssembly is unavailable (`node --jitless`). */
export function scoreKernel(): ScoreKernel | undefined {
  if (_kernel === undefined) {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wasm) _kernel = null;
    else {
      const e = new wasm.Instance(new wasm.Module(Buffer.from(kernelBase64, 'base64')), {}).exports as { m: KernelMemory; a: ScoreKernel['accumulate']; c: ScoreKernel['collect'] };
      _kernel = { memory: e.m, accumulate: e.a, collect: e.c };
    }
  }
  return _kernel ?? undefined;
}

/**
 * `scorePostings`' windows run by the kernel: each term's postings (ascending chunk) with its weight; every window's
 * candidates above the heap's floor are offered to `top` in chunk order, as the JavaScript loop does.
 */
export function scoreWithKernel(
  kernel: ScoreKernel,
  lists: Uint32Array[],
  weights: number[],
  denominators: Float64Array,
  top: { floor: number; offer(chunk: number, score: number): void },
  allowed: Set<number> | undefined,
): void {
  const need = POSTINGS + lists.reduce((n, e) => n + e.byteLength, 0);
  const have = kernel.memory.buffer.byteLength;
  if (have < need) kernel.memory.grow(Math.ceil((need - have) / 65536));
  const buffer = kernel.memory.buffer;
  const words = new Uint32Array(buffer);
  new Float64Array(buffer, DEN, 256).set(denominators);
  const pos = new Int32Array(lists.length);
  const stops = new Int32Array(lists.length);
  let at = POSTINGS;
  for (let t = 0; t < lists.length; t++) {
    words.set(lists[t]!, at >> 2);
    pos[t] = at;
    stops[t] = at += lists[t]!.byteLength;
  }
  const acc = new Float64Array(buffer, ACC, W);
  const documents = new Uint32Array(buffer, DOCS, W);
  const out = new Int32Array(buffer, OUT, W);
  for (;;) {
    let base = Infinity;
    for (let t = 0; t < lists.length; t++) if (pos[t]! < stops[t]! && words[pos[t]! >> 2]! < base) base = words[pos[t]! >> 2]!;
    if (base === Infinity) break;
    let count = 0;
    for (let t = 0; t < lists.length; t++) {
      count = kernel.accumulate(pos[t]!, stops[t]!, base, base + W, weights[t]!, count);
      pos[t] = words[P_SCRATCH >> 2]!;
    }
    const slots = out.subarray(0, kernel.collect(count, top.floor)).sort();
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (acc[slot]! > top.floor && (!allowed || allowed.has(documents[slot]!))) top.offer(base + slot, acc[slot]!);
    }
  }
}
