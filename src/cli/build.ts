/**
 * Build models and chunkers from config. Providers are imported lazily so commands that don't need
 * them stay fast and work without optional dependencies.
 */
import { createChunker } from '../ingest/index.js';
import type { Chunker } from '../spec/chunker.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { Reranker } from '../spec/reranker.js';
import { FathomError } from '../util/errors.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import type { FathomConfig } from './config.js';
import { resolvePath } from './config.js';
import type { CliIO } from './io.js';

export async function buildChunker(cfg: FathomConfig['ingest']['chunker'], embedder?: EmbeddingModel): Promise<Chunker> {
  if (cfg.name === 'semantic' && !embedder) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: 'The semantic chunker needs an embedding model: set "embedding" in fathom.config.json or choose another chunker.' });
  }
  return createChunker({ name: cfg.name, tokenizer: createGptTokenizer({ encoding: cfg.tokenizer }), maxTokens: cfg.maxTokens, overlapTokens: cfg.overlapTokens, embedder });
}

export async function buildEmbedder(config: FathomConfig, io: CliIO): Promise<EmbeddingModel | undefined> {
  const e = config.embedding;
  if (!e) return undefined;
  if (e.provider === 'transformers-js') {
    const { createTransformersEmbeddingModel } = await import('../providers/transformers-js/index.js');
    return createTransformersEmbeddingModel({
      modelId: e.model,
      cacheDir: e.cacheDir ? resolvePath(config, e.cacheDir) : undefined,
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
    return createTransformersReranker({ modelId: r.model, cacheDir: r.cacheDir ? resolvePath(config, r.cacheDir) : undefined });
  }
  const { createHttpReranker } = await import('../providers/http-rerank/index.js');
  return createHttpReranker({ baseURL: r.baseURL, modelId: r.model, shape: r.shape, apiKey: r.apiKeyEnv ? io.env[r.apiKeyEnv] : undefined });
}
