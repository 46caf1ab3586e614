/** A model `fathom models pull` knows by a short name. */
export interface CatalogModel {
  /** Short name, e.g. `qwen2.5-0.5b-instruct`. */
  name: string;
  /** What it is for in fathom.config.json. */
  role: 'generation' | 'embedding' | 'rerank';
  /** `gguf` runs with llama-cpp; `onnx` with transformers-js. */
  format: 'gguf' | 'onnx';
  /** Hub repository (`org/name`). */
  repo: string;
  /** Files pulled, relative to the repository root. */
  files: string[];
  /** Approximate download size in bytes (the hub's reported size is checked at pull time). */
  approxBytes: number;
  description: string;
}

/** The recommended small local models; the first of each role is what `fathom init` proposes. */
export const modelCatalog: readonly CatalogModel[] = [
  {
    name: 'qwen2.5-0.5b-instruct', role: 'generation', format: 'gguf', repo: 'Qwen/Qwen2.5-0.5B-Instruct-GGUF',
    files: ['qwen2.5-0.5b-instruct-q4_k_m.gguf'], approxBytes: 491_000_000,
    description: 'small instruction-tuned chat model (Q4_K_M), runs on a laptop CPU',
  },
  {
    name: 'bge-small-en-v1.5', role: 'embedding', format: 'onnx', repo: 'Xenova/bge-small-en-v1.5',
    files: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'], approxBytes: 34_000_000,
    description: 'English embedding model (384 dimensions, 8-bit)',
  },
  {
    name: 'ms-marco-minilm-l6', role: 'rerank', format: 'onnx', repo: 'Xenova/ms-marco-MiniLM-L-6-v2',
    files: ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'], approxBytes: 23_000_000,
    description: 'cross-encoder reranker (8-bit)',
  },
];

/** `491000000` → `0.49 GB`, `34000000` → `34 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
