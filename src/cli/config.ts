/**
 * fathom.config.json: JSON with comments (jsonc). Only the CLI and server read it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import type { VectorIndexOptions } from '../store/sqlite/index.js';
import { FathomError } from '../util/errors.js';

export interface FathomConfig {
  /** Directory the config file is in; relative paths in it resolve against this. */
  root: string;
  /** Path of the config file, when one was read. */
  file?: string;
  /** `vectorIndex`: exact / HNSW choice and settings of the SQLite store (see VectorIndexOptions). */
  store: { path: string; vectorIndex?: VectorIndexOptions };
  tenant: string;
  ingest: {
    include?: string[];
    exclude?: string[];
    maxFileBytes: number;
    collection: string;
    chunker: { name: 'fixed' | 'recursive' | 'structure' | 'semantic' | 'hierarchical'; maxTokens: number; overlapTokens: number; tokenizer: 'o200k_base' | 'cl100k_base' };
    dedup: { policy: 'skip' | 'keep' | 'report'; threshold: number; near: boolean };
    batchSize: number;
  };
  /** null: keyword search only. */
  embedding: null | { provider: 'transformers-js'; model: string; cacheDir?: string } | { provider: 'openai-compatible'; baseURL: string; model: string; apiKeyEnv?: string; dimensions?: number };
  /** null: no reranking. */
  rerank: null | { provider: 'transformers-js'; model: string; cacheDir?: string; topN?: number } | { provider: 'http'; shape: 'cohere' | 'jina' | 'tei'; baseURL: string; model: string; apiKeyEnv?: string; topN?: number };
  search: { mode: 'bm25' | 'vector' | 'hybrid'; topK: number };
  /** The answering model (`fathom ask`). null: the extractive answerer (no model, offline). */
  generation: GenerationConfig;
  /** US dollars per million tokens by `provider:modelId` or `modelId`, for the audit log's cost. */
  prices?: Record<string, { inputPerMillion: number; outputPerMillion: number }>;
}

/** `generation` in fathom.config.json. */
export type GenerationConfig =
  | null
  | { provider: 'llama-cpp'; model: string; cacheDir?: string; threads?: number; contextSize?: number }
  | { provider: 'openai-compatible'; baseURL: string; model: string; apiKeyEnv?: string; contextWindow?: number }
  | { provider: 'anthropic'; model: string; apiKeyEnv?: string; baseURL?: string };

export const CONFIG_FILE = 'fathom.config.json';

export function defaultConfig(root: string): FathomConfig {
  return {
    root,
    store: { path: '.fathom/fathom.db' },
    tenant: 'default',
    ingest: {
      maxFileBytes: 50 * 1024 * 1024,
      collection: 'default',
      chunker: { name: 'structure', maxTokens: 512, overlapTokens: 64, tokenizer: 'o200k_base' },
      dedup: { policy: 'report', threshold: 0.85, near: true },
      batchSize: 64,
    },
    embedding: null,
    rerank: null,
    search: { mode: 'bm25', topK: 5 },
    generation: null,
  };
}

/** Read the config: `--config` path, else ./fathom.config.json when present, else defaults. */
export function loadConfig({ cwd, path }: { cwd: string; path?: string }): FathomConfig {
  const file = path ? resolve(cwd, path) : resolve(cwd, CONFIG_FILE);
  if (!existsSync(file)) {
    if (path) throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Config file not found: ${file}. Run \`fathom init\` to create one.` });
    return defaultConfig(cwd);
  }
  const errors: ParseError[] = [];
  const text = readFileSync(file, 'utf8');
  const raw = parse(text, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (errors.length > 0 || typeof raw !== 'object' || raw === null) {
    const first = errors[0];
    const line = first ? text.slice(0, first.offset).split('\n').length : 1;
    throw new FathomError({
      code: 'INVALID_CONFIG',
      message: `${file}:${line}: ${first ? printParseErrorCode(first.error) : 'not a JSON object'}. Fix the file or delete it and run \`fathom init\`.`,
    });
  }
  return mergeConfig(defaultConfig(dirname(file)), raw, file);
}

function mergeConfig(base: FathomConfig, raw: Record<string, unknown>, file: string): FathomConfig {
  const merged = deepMerge(base as unknown as Record<string, unknown>, raw) as unknown as FathomConfig;
  merged.file = file;
  const chunkers = ['fixed', 'recursive', 'structure', 'semantic', 'hierarchical'];
  if (!chunkers.includes(merged.ingest.chunker.name)) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `${file}: ingest.chunker.name must be one of ${chunkers.join(', ')}.` });
  }
  if (!(merged.ingest.chunker.maxTokens > 0)) throw new FathomError({ code: 'INVALID_CONFIG', message: `${file}: ingest.chunker.maxTokens must be a positive number.` });
  if (!['skip', 'keep', 'report'].includes(merged.ingest.dedup.policy)) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `${file}: ingest.dedup.policy must be skip, keep or report.` });
  }
  return merged;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function resolvePath(config: FathomConfig, p: string): string {
  return isAbsolute(p) ? p : resolve(config.root, p);
}
