/** The file name (without `.cjs`) of a schema's build-time validator: FNV-1a of its JSON text, and the text's length. */
export function precompiledKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString(16).padStart(8, '0')}-${text.length}`;
}
