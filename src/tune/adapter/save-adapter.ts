import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EmbeddingAdapter } from '../../spec/embedding-adapter.js';
import { _toBase64, type _AdapterFile } from './_adapter-file.js';

/** Options of {@link saveAdapter}. */
export interface SaveAdapterOptions {
  adapter: EmbeddingAdapter;
  /** Destination file, e.g. `.fathom/adapters/scifact.json`. Parent folders are created. */
  path: string;
  /** Stored alongside (training options, history). */
  metadata?: Record<string, unknown>;
}

/** Writes an adapter as one JSON file (weights base64 float32), atomically (temp file + rename). */
export async function saveAdapter({ adapter, path, metadata }: SaveAdapterOptions): Promise<void> {
  const file: _AdapterFile = { format: 'fathom-embedding-adapter', version: 1, dims: adapter.dims, dtype: 'float32-le', weights: _toBase64(adapter.weights) };
  if (adapter.bias) file.bias = _toBase64(adapter.bias);
  if (adapter.embeddingModel) file.embeddingModel = adapter.embeddingModel;
  if (adapter.metrics) file.metrics = adapter.metrics;
  if (metadata) file.metadata = metadata;
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(file));
  await rename(temp, path);
}
