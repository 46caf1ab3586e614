import { FathomError } from '../util/errors.js';
import { modelCatalog, type CatalogModel } from './model-catalog.js';

/** What to pull: a catalogue entry, or one file of any hub repository. */
export type ModelRef = Pick<CatalogModel, 'name' | 'repo' | 'files'> & Partial<Pick<CatalogModel, 'role' | 'format'>>;

const segment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * `qwen2.5-0.5b-instruct` (catalogue) or `[hf:]org/repo/path/to/file.gguf` (any repository file).
 * Path segments are plain names: no `..`, no absolute paths (they become cache paths).
 */
export function resolveModelRef(name: string): ModelRef {
  const known = modelCatalog.find((m) => m.name === name.toLowerCase());
  if (known) return known;
  const parts = name.replace(/^hf:/, '').split('/');
  if (parts.length < 3 || !parts.every((p) => segment.test(p) && p !== '..')) {
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: `Unknown model "${name.slice(0, 200)}": use a name from \`fathom models list --available\` (${modelCatalog.map((m) => m.name).join(', ')}) or org/repo/file (e.g. Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf).`,
      details: { name: name.slice(0, 200) },
    });
  }
  const file = parts.slice(2).join('/');
  const format = file.endsWith('.gguf') ? 'gguf' : file.endsWith('.onnx') ? 'onnx' : undefined;
  return { name: `${parts[0]}/${parts[1]}/${file}`, repo: `${parts[0]}/${parts[1]}`, files: [file], ...(format ? { format } : {}) };
}
