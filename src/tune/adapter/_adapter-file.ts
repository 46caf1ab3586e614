/** On-disk shape of a saved adapter: one JSON document, vectors as base64 little-endian float32. */
export interface _AdapterFile {
  format: 'fathom-embedding-adapter';
  version: 1;
  dims: number;
  dtype: 'float32-le';
  weights: string;
  bias?: string;
  embeddingModel?: { provider: string; modelId: string };
  metrics?: { k: number; queries: number; recallBefore: number; recallAfter: number };
  /** Anything the caller stored with it (training options, history). */
  metadata?: Record<string, unknown>;
}

export const _toBase64 = (v: Float32Array): string => {
  const out = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) out.writeFloatLE(v[i]!, i * 4);
  return out.toString('base64');
};

export const _fromBase64 = (text: string): Float32Array => {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
};
