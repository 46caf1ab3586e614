/** The WebAssembly module of score-kernel.ts, written from its opcodes (the reviewable source of `kernelBase64`). */
import { kernelLayout } from './score-kernel.js';

const { P_SCRATCH, DEN, ACC, DOCS, TOUCHED, OUT, SEEN, POSTINGS } = kernelLayout;

/** The module's bytes: memory `m`, `a` = accumulate, `c` = collect (see ScoreKernel in score-kernel.ts). */
export function buildScoreKernel(): Uint8Array {
  return _bytes();
}

const I32 = 0x7f, F64 = 0x7c;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, void: 0x40,
  get: 0x20, set: 0x21, tee: 0x22,
  i32Load: 0x28, f64Load: 0x2b, i32Load8u: 0x2d, i32Store: 0x36, f64Store: 0x39, i32Store8: 0x3a,
  i32Const: 0x41, f64Const: 0x44,
  i32Eqz: 0x45, i32GeU: 0x4f, f64Gt: 0x64,
  i32Add: 0x6a, i32Sub: 0x6b, i32And: 0x71, i32Shl: 0x74, i32ShrU: 0x76,
  f64Add: 0xa0, f64Mul: 0xa2, f64Div: 0xa3, f64FromU32: 0xb8,
};

function _uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function _sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const i32c = (n: number) => [op.i32Const, ..._sleb(n)];
const mem = (code: number, align: number, offset: number) => [code, align, ..._uleb(offset)];
const get = (l: number) => [op.get, l];
const set = (l: number) => [op.set, l];

function _accumulate(): number[] {
  const [p, stop, base, end, w, count, chunk, slot, packed, tf] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const slot8 = [...get(slot), ...i32c(3), op.i32Shl];
  const slot4 = [...get(slot), ...i32c(2), op.i32Shl];
  const body = [
    op.block, op.void, op.loop, op.void,
    ...get(p), ...get(stop), op.i32GeU, op.brIf, 1,
    ...get(p), ...mem(op.i32Load, 2, 0), op.tee, chunk, ...get(end), op.i32GeU, op.brIf, 1,
    ...get(chunk), ...get(base), op.i32Sub, ...set(slot),
    ...get(slot), ...mem(op.i32Load8u, 0, SEEN), op.i32Eqz, op.if, op.void,
    ...get(slot), ...i32c(1), ...mem(op.i32Store8, 0, SEEN),
    ...get(count), ...i32c(2), op.i32Shl, ...get(slot), ...mem(op.i32Store, 2, TOUCHED),
    ...get(count), ...i32c(1), op.i32Add, ...set(count),
    ...slot8, op.f64Const, 0, 0, 0, 0, 0, 0, 0, 0, ...mem(op.f64Store, 3, ACC),
    ...slot4, ...get(p), ...mem(op.i32Load, 2, 4), ...mem(op.i32Store, 2, DOCS),
    op.end,
    ...get(p), ...mem(op.i32Load, 2, 8), ...set(packed),
    ...get(packed), ...i32c(8), op.i32ShrU, op.f64FromU32, ...set(tf),
    // acc[slot] = acc[slot] + (w * tf) / (tf + den[packed & 255]) — the JavaScript expression, operation by operation
    ...slot8,
    ...slot8, ...mem(op.f64Load, 3, ACC),
    ...get(w), ...get(tf), op.f64Mul,
    ...get(tf), ...get(packed), ...i32c(255), op.i32And, ...i32c(3), op.i32Shl, ...mem(op.f64Load, 3, DEN), op.f64Add,
    op.f64Div, op.f64Add, ...mem(op.f64Store, 3, ACC),
    ...get(p), ...i32c(12), op.i32Add, ...set(p),
    op.br, 0, op.end, op.end,
    ...i32c(P_SCRATCH), ...get(p), ...mem(op.i32Store, 2, 0),
    ...get(count), op.end,
  ];
  return _func([[3, I32], [1, F64]], body);
}

function _collect(): number[] {
  const [count, floor, i, n, slot] = [0, 1, 2, 3, 4];
  const body = [
    op.block, op.void, op.loop, op.void,
    ...get(i), ...get(count), op.i32GeU, op.brIf, 1,
    ...get(i), ...i32c(2), op.i32Shl, ...mem(op.i32Load, 2, TOUCHED), ...set(slot),
    ...get(slot), ...i32c(0), ...mem(op.i32Store8, 0, SEEN),
    ...get(slot), ...i32c(3), op.i32Shl, ...mem(op.f64Load, 3, ACC), ...get(floor), op.f64Gt, op.if, op.void,
    ...get(n), ...i32c(2), op.i32Shl, ...get(slot), ...mem(op.i32Store, 2, OUT),
    ...get(n), ...i32c(1), op.i32Add, ...set(n),
    op.end,
    ...get(i), ...i32c(1), op.i32Add, ...set(i),
    op.br, 0, op.end, op.end,
    ...get(n), op.end,
  ];
  return _func([[3, I32]], body);
}

function _func(locals: Array<[number, number]>, body: number[]): number[] {
  const code = [..._uleb(locals.length), ...locals.flatMap(([n, t]) => [..._uleb(n), t]), ...body];
  return [..._uleb(code.length), ...code];
}

const _section = (id: number, content: number[]) => [id, ..._uleb(content.length), ...content];
const _name = (s: string) => [..._uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

function _bytes(): Uint8Array {
  const types = [2, 0x60, 6, I32, I32, I32, I32, F64, I32, 1, I32, 0x60, 2, I32, F64, 1, I32];
  const functions = [2, 0, 1];
  const memory = [1, 0x00, ..._uleb(Math.ceil(POSTINGS / 65536) + 1)];
  const exports = [3, ..._name('m'), 0x02, 0, ..._name('a'), 0x00, 0, ..._name('c'), 0x00, 1];
  const code = [2, ..._accumulate(), ..._collect()];
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ..._section(1, types), ..._section(3, functions), ..._section(5, memory), ..._section(7, exports), ..._section(10, code)]);
}
