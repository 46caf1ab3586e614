/** FNV-1a of a key in [0, 1): a stable draw, so a resumed or repeated run samples the same entries. */
export function _draw(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}
