/**
 * Build models and chunkers from config. Providers are imported lazily so commands that don't need
 * them stay fast and work without optional dependencies.
 */
import type { ChatModel } from '../spec/chat-model.js';
import type { Chunker } from '../spec/chunker.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { Reranker } from '../spec/reranker.js';
import { FathomError } from '../util/errors.js';
import type { FathomConfig } from './config.js';
import { resolvePath } from './config.js';
import type { CliIO } from './io.js';
import { modelCacheDir } from './model-cache-dir.js';

export async function buildChunker(cfg: FathomConfig['ingest']['chunker'], embedder?: EmbeddingModel): Promise<Chunker> {
  if (cfg.name === 'semantic' && !embedder) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: 'The semantic chunker needs an embedding model: set "embedding" in fathom.config.json or choose another chunker.' });
  }
  // Imported here, not at the top: `search` and `ask` load this file but never chunk (start-up time).
  const [{ createChunker }, { createGptTokenizer }] = await Promise.all([import('../ingest/index.js'), import('../util/tokenizers/index.js')]);
  return createChunker({ name: cfg.name, tokenizer: createGptTokenizer({ encoding: cfg.tokenizer }), maxTokens: cfg.maxTokens, overlapTokens: cfg.overlapTokens, embedder });
}

export async function buildEmbedder(config: FathomConfig, io: CliIO): Promise<EmbeddingModel | undefined> {
  const e = config.embedding;
  if (!e) return undefined;
  if (e.provider === 'transformers-js') {
    const { createTransformersEmbeddingModel } = await import('../providers/transformers-js/index.js');
    return createTransformersEmbeddingModel({
      modelId: e.model,
      cacheDir: e.cacheDir ? resolvePath(config, e.cacheDir) : modelCacheDir(io.env),
      onProgress: io.isTTY ? (p: { status?: string; file?: string; progress?: number }) => {
        if (p.status === 'progress' && p.file) io.err(`\r\x1b[2Kdownloading ${e.model} ${p.file} ${Math.round(p.progress ?? 0)}%`);
      } : undefined,
    });
  }
  if (e.provider === 'openai-compatible') {
    const { createOpenAICompatibleEmbeddingModel } = await import('../providers/openai-compatible/index.js');
    return createOpenAICompatibleEmbeddingModel({ baseURL: e.baseURL, modelId: e.model, dimensions: e.dimensions, apiKey: e.apiKeyEnv ? io.env[e.apiKeyEnv] : undefined });
  }
  throw new FathomError({ code: 'INVALID_CONFIG', message: `Unknown embedding provider "${(e as { provider: string }).provider}": use transformers-js or openai-compatible.` });
}

export async function buildReranker(config: FathomConfig, io: CliIO): Promise<Reranker> {
  const r = config.rerank;
  if (!r) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: 'Reranking needs a reranker: set "rerank" in fathom.config.json, e.g. { "provider": "transformers-js", "model": "Xenova/ms-marco-MiniLM-L-6-v2" }.' });
  }
  if (r.provider === 'transformers-js') {
    const { createTransformersReranker } = await import('../providers/transformers-js/index.js');
    return createTransformersReranker({ modelId: r.model, cacheDir: r.cacheDir ? resolvePath(config, r.cacheDir) : modelCacheDir(io.env) });
  }
  const { createHttpReranker } = await import('../providers/http-rerank/index.js');
  return createHttpReranker({ baseURL: r.baseURL, modelId: r.model, shape: r.shape, apiKey: r.apiKeyEnv ? io.env[r.apiKeyEnv] : undefined });
}

/**
 * The answering model: `--model` (`llama-cpp:<path|hf:…>`, `openai-compatible:<model>`, `anthropic:<model>`,
 * `extractive`) over config `generation`. Undefined means the extractive answerer.
 */
export async function buildChatModel(config: FathomConfig, io: CliIO, override?: string): Promise<ChatModel | undefined> {
  let g: FathomConfig['generation'] = config.generation;
  if (override !== undefined) {
    const m = /^(llama-cpp|openai-compatible|anthropic|extractive)(?::(.+))?$/.exec(override);
    if (!m || (m[1] !== 'extractive' && !m[2])) {
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad --model "${override}": use llama-cpp:<file.gguf|hf:org/repo/file.gguf>, openai-compatible:<model>, anthropic:<model> or extractive.` });
    }
    const [, provider, model] = m as unknown as [string, string, string];
    const base = config.generation?.provider === provider ? config.generation : undefined;
    if (provider === 'extractive') g = null;
    else if (provider === 'llama-cpp') g = { ...(base as object), provider, model };
    else if (provider === 'anthropic') g = { ...(base as object), provider, model, apiKeyEnv: (base as { apiKeyEnv?: string } | undefined)?.apiKeyEnv ?? 'ANTHROPIC_API_KEY' };
    else g = { baseURL: io.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY', ...(base as object), provider: 'openai-compatible', model };
  }
  if (!g) return undefined;
  if (g.provider === 'llama-cpp') {
    const { createLlamaCppChatModel } = await import('../providers/llama-cpp/index.js');
    const remote = g.model.startsWith('hf:') || /^https?:/.test(g.model);
    const model = createLlamaCppChatModel({
      ...(remote ? { modelUri: g.model } : { modelPath: resolvePath(config, g.model) }),
      cacheDir: g.cacheDir ? resolvePath(config, g.cacheDir) : modelCacheDir(io.env), threads: g.threads, contextSize: g.contextSize,
      onProgress: io.isTTY ? (p) => { if (p.status === 'download') io.err(`\r\x1b[2Kdownloading ${g.model} ${Math.round((p.progress ?? 0) * 100)}%`); } : undefined,
    });
    // Load now: a missing or unreadable model file is reported as such, not later as an internal "load() first".
    await (model as { load?: () => Promise<void> }).load?.();
    return model;
  }
  if (g.provider === 'openai-compatible') {
    const { createOpenAICompatibleChatModel } = await import('../providers/openai-compatible/index.js');
    return createOpenAICompatibleChatModel({ baseURL: g.baseURL, modelId: g.model, apiKey: g.apiKeyEnv ? io.env[g.apiKeyEnv] : undefined, contextWindow: g.contextWindow });
  }
  if (g.provider === 'anthropic') {
    const envName = g.apiKeyEnv ?? 'ANTHROPIC_API_KEY';
    const apiKey = io.env[envName];
    if (!apiKey) throw new FathomError({ code: 'INVALID_CONFIG', message: `The anthropic model needs an API key: set the environment variable ${envName} (generation.apiKeyEnv).` });
    const { createAnthropicChatModel } = await import('../providers/anthropic/index.js');
    return createAnthropicChatModel({ apiKey, modelId: g.model, baseURL: g.baseURL });
  }
  throw new FathomError({ code: 'INVALID_CONFIG', message: `Unknown generation provider "${(g as { provider: string }).provider}": use llama-cpp, openai-compatible or anthropic (or null for the extractive answerer).` });
}
