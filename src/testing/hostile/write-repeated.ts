import { open } from 'node:fs/promises';

/**
 * Write `head`, then `unit` repeated until the file is about `bytes` long, then `tail`, in 1 MiB writes:
 * a 200 MB hostile file is generated without holding it in memory.
 */
export async function writeRepeated(path: string, { head = '', unit, tail = '', bytes }: { head?: string | Uint8Array; unit: string; tail?: string; bytes: number }): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.write(typeof head === 'string' ? Buffer.from(head) : head);
    const unitBytes = Buffer.byteLength(unit);
    const perBlock = Math.max(1, Math.floor((1 << 20) / unitBytes));
    const block = Buffer.from(unit.repeat(perBlock));
    let left = Math.max(0, Math.floor((bytes - Buffer.byteLength(typeof head === 'string' ? head : '') - Buffer.byteLength(tail)) / unitBytes));
    while (left > 0) {
      const n = Math.min(left, perBlock);
      await file.write(n === perBlock ? block : block.subarray(0, n * unitBytes));
      left -= n;
    }
    await file.write(Buffer.from(tail));
  } finally {
    await file.close();
  }
}
