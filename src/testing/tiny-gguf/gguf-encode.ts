/** A typed GGUF metadata value. */
export type GgufValue =
  | { type: 'uint32' | 'int32' | 'float32' | 'uint64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; itemType: 'uint32' | 'int32' | 'float32' | 'string'; values: (number | string)[] };

/** An F32 tensor; `dims[0]` is the fastest-varying dimension (GGML `ne[0]`). */
export interface GgufTensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

const typeIds = { uint8: 0, int8: 1, uint16: 2, int16: 3, uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9, uint64: 10 } as const;
const GGML_TYPE_F32 = 0;

/**
 * Encodes a GGUF v3 file: header, metadata key/values, tensor infos, then tensor data, each tensor
 * aligned to `alignment` bytes (written as `general.alignment` when it is not the default 32).
 */
export function encodeGguf({ metadata, tensors, alignment = 32 }: { metadata: Record<string, GgufValue>; tensors: GgufTensor[]; alignment?: number }): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number): void => void parts.push(_num(4, (b) => b.writeUInt32LE(n)));
  const u64 = (n: number): void => void parts.push(_num(8, (b) => b.writeBigUInt64LE(BigInt(n))));
  const str = (s: string): void => {
    const bytes = Buffer.from(s, 'utf8');
    u64(bytes.length);
    parts.push(bytes);
  };
  const scalar = (type: keyof typeof typeIds, v: number | string | boolean): void => {
    if (type === 'string') str(String(v));
    else if (type === 'uint32') u32(Number(v));
    else if (type === 'uint64') u64(Number(v));
    else if (type === 'int32') parts.push(_num(4, (b) => b.writeInt32LE(Number(v))));
    else if (type === 'float32') parts.push(_num(4, (b) => b.writeFloatLE(Number(v))));
    else if (type === 'bool') parts.push(Buffer.from([v ? 1 : 0]));
    else throw new Error(`unsupported GGUF value type ${type}`);
  };

  const entries = Object.entries(alignment === 32 ? metadata : { ...metadata, 'general.alignment': { type: 'uint32', value: alignment } as GgufValue });
  parts.push(Buffer.from('GGUF', 'latin1'));
  u32(3);
  u64(tensors.length);
  u64(entries.length);
  for (const [key, value] of entries) {
    str(key);
    u32(typeIds[value.type]);
    if (value.type === 'array') {
      u32(typeIds[value.itemType]);
      u64(value.values.length);
      for (const item of value.values) scalar(value.itemType, item);
    } else {
      scalar(value.type, value.value);
    }
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const tensor of tensors) {
    const expected = tensor.dims.reduce((a, b) => a * b, 1);
    if (expected !== tensor.data.length) throw new Error(`tensor ${tensor.name}: dims ${tensor.dims.join('x')} need ${expected} values, got ${tensor.data.length}`);
    str(tensor.name);
    u32(tensor.dims.length);
    for (const d of tensor.dims) u64(d);
    u32(GGML_TYPE_F32);
    u64(offset);
    offsets.push(offset);
    offset = _align(offset + tensor.data.byteLength, alignment);
  }
  const headerLength = parts.reduce((n, p) => n + p.length, 0);
  parts.push(Buffer.alloc(_align(headerLength, alignment) - headerLength));
  tensors.forEach((tensor, i) => {
    const bytes = Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
    parts.push(bytes);
    const end = offsets[i]! + bytes.length;
    const next = i + 1 < tensors.length ? offsets[i + 1]! : end;
    parts.push(Buffer.alloc(next - end));
  });
  return Buffer.concat(parts);
}

function _num(size: number, write: (b: Buffer) => void): Buffer {
  const b = Buffer.alloc(size);
  write(b);
  return b;
}

function _align(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}
