/**
 * fathom.config.json: JSON with comments (jsonc). Only the CLI and server read it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import type { SufficiencyModel } from '../spec/retrieve.js';
import type { ServerConfig } from '../spec/server.js';
import type { VectorIndexOptions } from '../store/sqlite/index.js';
import { FathomError } from '../util/errors.js';
import { validateConfig } from './validate-config.js';

export interface FathomConfig {
  /** Directory the config file is in; relative paths in it resolve against this. */
  root: string;
  /** Path of the config file, when one was read. */
  file?: string;
  /** `vectorIndex`: exact / HNSW choice and settings of the SQLite store (see VectorIndexOptions). */
  store: { path: string; vectorIndex?: VectorIndexOptions; /** PostgreSQL store URL (instead of `path`). */ url?: string; postgres?: { schema?: string; maxConnections?: number; statementTimeoutMs?: number; idleInTransactionTimeoutMs?: number; rls?: boolean; keyword?: 'postings' | 'pg_textsearch' } };
  tenant: string;
  ingest: {
    include?: string[];
    exclude?: string[];
    maxFileBytes: number;
    collection: string;
    chunker: { name: 'fixed' | 'recursive' | 'structure' | 'semantic' | 'hierarchical'; maxTokens: number; overlapTokens: number; tokenizer: 'o200k_base' | 'cl100k_base' };
    dedup: { policy: 'skip' | 'keep' | 'report'; threshold: number; near: boolean };
    batchSize: number;
    /** Follow symbolic links out of the named folders. @default false */
    followSymlinks?: boolean;
    /** PDF pages without a usable text layer: 'auto' OCRs them when tesseract is installed, 'off' skips them. @default 'auto' */
    ocr?: 'auto' | 'off';
    /** Per-document resource limits (see schemas/fathom-config.schema.json). */
    limits?: { decompressedBytes?: number; extractedChars?: number; elements?: number; pages?: number; chunksPerDocument?: number; fileTimeoutMs?: number; memoryMb?: number; depth?: number; recordChars?: number; isolate?: boolean };
  };
  /** null: keyword search only. */
  embedding: null | { provider: 'transformers-js'; model: string; cacheDir?: string } | { provider: 'openai-compatible'; baseURL: string; model: string; apiKeyEnv?: string; dimensions?: number };
  /** null: no reranking. */
  rerank: null | { provider: 'transformers-js'; model: string; cacheDir?: string; topN?: number } | { provider: 'http'; shape: 'cohere' | 'jina' | 'tei'; baseURL: string; model: string; apiKeyEnv?: string; topN?: number };
  search: { mode: 'bm25' | 'vector' | 'hybrid'; topK: number; /** Longest query or question accepted, in characters. @default 8192 */ maxQueryChars: number };
  /**
   * Abstention (`fathom ask`, `eval run`): answer only when the sufficiency score is ≥ `minSufficiency`; the score's
   * model (`sufficiencyModel`, default the built-in prior). `fathom calibrate` writes both.
   */
  answer?: { minSufficiency?: number; sufficiencyModel?: SufficiencyModel };
  /** The answering model (`fathom ask`). null: the extractive answerer (no model, offline). */
  generation: GenerationConfig;
  /** `fathom models pull`: the hub base URL (env FATHOM_MODEL_HUB and --hub take precedence). @default 'https://huggingface.co' */
  models?: { hubUrl?: string };
  /** `tune.target`: the default `fathom tune lint --target` (openai, together, mistral, fireworks, trl, axolotl, unsloth). */
  tune?: { target?: 'openai' | 'together' | 'mistral' | 'fireworks' | 'trl' | 'axolotl' | 'unsloth'; backends?: Record<string, unknown> };
  /** US dollars per million tokens by `provider:modelId` or `modelId`, for the audit log's cost. */
  prices?: Record<string, { inputPerMillion: number; outputPerMillion: number }>;
  /** `fathom serve`: port, host, limits, CORS, OIDC, tracing (see ServerConfig in src/spec/server.ts). */
  server?: ServerConfig;
  /**
   * `monitor.online`: `fathom serve` scores sampled answers in the background (off when absent). `monitor.judge`: the
   * judge model of that scoring and of `fathom monitor score` (verdicts `runs` times on a `rate` share of the scored
   * answers, at most `maxPerCycle` per run, `timeoutMs` per answer).
   */
  monitor?: { online?: { rate: number; intervalMinutes: number }; judge?: { model: string; runs?: number; rate?: number; maxPerCycle?: number; timeoutMs?: number } };
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
    search: { mode: 'bm25', topK: 5, maxQueryChars: 8192 },
    generation: null,
  };
}

/**
 * Read the config: `--config` path, else ./fathom.config.json when present, else defaults. The file is checked
 * against schemas/fathom-config.schema.json: any unknown key or invalid value is an INVALID_CONFIG error.
 */
export function loadConfig({ cwd, path }: { cwd: string; path?: string }): FathomConfig {
  const file = path ? resolve(cwd, path) : resolve(cwd, CONFIG_FILE);
  const text = _readConfigText(file, Boolean(path));
  if (text === undefined) return defaultConfig(cwd);
  const errors: ParseError[] = [];
  // Loaded only when there is a file to parse: initialising jsonc-parser builds its formatter's whitespace tables
  // (~0.3 MB) that a command without a config file never uses (scripts/build-bundle.mjs keeps this lazy in the bundle).
  const { parse, printParseErrorCode } = createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;
  const raw = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0) {
    const first = errors[0]!;
    const line = text.slice(0, first.offset).split('\n').length;
    throw new FathomError({
      code: 'INVALID_CONFIG',
      message: `${file}:${line}: ${printParseErrorCode(first.error)}. Fix the file or delete it and run \`fathom init\`.`,
      details: { file, line },
    });
  }
  validateConfig(raw, file);
  const merged = deepMerge(defaultConfig(dirname(file)) as unknown as Record<string, unknown>, raw) as unknown as FathomConfig;
  merged.file = file;
  return merged;
}

/** The config file's text; undefined when the default file is absent. Unreadable files are typed errors. */
function _readConfigText(file: string, explicit: boolean): string | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Config file not found: ${file}. Run \`fathom init\` to create one.`, details: { file } });
    throw new FathomError({ code: 'INVALID_CONFIG', message: `Cannot read the config file ${file} (${code ?? 'error'}). Check its permissions.`, details: { file, reason: code } });
  }
  if (!isFile) throw new FathomError({ code: 'INVALID_CONFIG', message: `${file} is a directory, not a config file: pass the file itself, e.g. --config ${file.replace(/\/+$/, '')}/${CONFIG_FILE}.`, details: { file } });
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FathomError({ code: 'INVALID_CONFIG', message: `Cannot read the config file ${file} (${code ?? 'error'}). Check its permissions.`, details: { file, reason: code } });
  }
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
