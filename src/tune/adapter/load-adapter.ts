import { readFile } from 'node:fs/promises';
import type { EmbeddingAdapter } from '../../spec/embedding-adapter.js';
import { FathomError } from '../../util/errors.js';
import { _fromBase64, type _AdapterFile } from './_adapter-file.js';

/** Reads an adapter written by `saveAdapter`; `metadata` is what was stored with it. */
export async function loadAdapter({ path }: { path: string }): Promise<{ adapter: EmbeddingAdapter; metadata?: Record<string, unknown> }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `No embedding adapter at ${path}; train one first or fix the path.`, cause: error, details: { path } });
  }
  const malformed = (why: string): FathomError => new FathomError({ code: 'FILE_MALFORMED', message: `${path} is not a fathom embedding adapter: ${why}.`, details: { path } });
  let file: _AdapterFile;
  try {
    file = JSON.parse(text) as _AdapterFile;
  } catch (error) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `${path} is not valid JSON; was it written by saveAdapter?`, cause: error, details: { path } });
  }
  if (file.format !== 'fathom-embedding-adapter') throw malformed("missing format 'fathom-embedding-adapter'");
  if (file.version !== 1) throw malformed(`unsupported version ${String(file.version)}`);
  const dims = file.dims;
  if (!Number.isInteger(dims) || dims <= 0) throw malformed('bad dims');
  const weights = _fromBase64(file.weights);
  if (weights.length !== dims * dims) throw malformed(`weights hold ${weights.length} values, expected ${dims * dims}`);
  const adapter: EmbeddingAdapter = { specificationVersion: 'v1', dims, weights };
  if (file.bias !== undefined) {
    adapter.bias = _fromBase64(file.bias);
    if (adapter.bias.length !== dims) throw malformed(`bias holds ${adapter.bias.length} values, expected ${dims}`);
  }
  if (file.embeddingModel) adapter.embeddingModel = file.embeddingModel;
  if (file.metrics) adapter.metrics = file.metrics;
  return file.metadata ? { adapter, metadata: file.metadata } : { adapter };
}
