/**
 * Maps tokens given as UTF-8 byte lengths onto UTF-16 offsets of `piece` (placed at `base`), widening a
 * token that covers part of a character to the whole character and never overlapping the previous token.
 */
export function _byteOffsets(piece: string, base: number, byteLengths: number[], out: Array<[number, number]>): void {
  let ascii = true;
  for (let i = 0; i < piece.length; i++) {
    if (piece.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    let pos = base;
    for (const n of byteLengths) {
      out.push([pos, pos + n]);
      pos += n;
    }
    return;
  }
  // charStartAtByte[b] / charEndAtByte[b]: UTF-16 bounds of the character containing byte b.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < piece.length; ) {
    const cp = piece.codePointAt(i) as number;
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) {
      starts.push(i);
      ends.push(i + units);
    }
    i += units;
  }
  let byte = 0;
  let prevEnd = 0;
  for (const n of byteLengths) {
    const first = Math.min(byte, starts.length - 1);
    const last = Math.min(byte + n - 1, ends.length - 1);
    const start = Math.max(starts[first] ?? 0, prevEnd);
    const end = Math.max(ends[last] ?? prevEnd, start);
    out.push([base + start, base + end]);
    prevEnd = end;
    byte += n;
  }
}
