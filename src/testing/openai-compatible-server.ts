import { createHash } from 'node:crypto';
import { _errorBody, _startScriptedServer, type RecordedRequest, type ScriptedServer, type ServerScriptStep } from './_scripted-server.js';

export type { RecordedRequest, ScriptedServer, ServerScriptStep };

/** Options of {@link startOpenAICompatibleServer}. */
export interface OpenAICompatibleServerOptions {
  /** Computes vectors for `/embeddings`. @default 8-dimensional vectors derived from a hash of each text */
  embed?: (texts: string[]) => number[][];
  /** Scripted answers for the first requests (faults, hangs, malformed bodies). @default [] */
  script?: ServerScriptStep[];
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  apiKey?: string;
}

/** Deterministic stand-in embedder: 8 numbers in [-1, 1] from a SHA-256 of the text. */
export function hashEmbed(texts: string[], dimensions = 8): number[][] {
  return texts.map((text) => {
    const digest = createHash('sha256').update(text).digest();
    return Array.from({ length: dimensions }, (_, i) => digest[i % digest.length]! / 127.5 - 1);
  });
}

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI embeddings protocol (`POST /v1/embeddings`,
 * `GET /v1/models`), including `encoding_format: 'base64'`, with scriptable faults and a request log.
 * Provider contract tests run against it.
 */
export function startOpenAICompatibleServer({ embed = hashEmbed, script = [], apiKey }: OpenAICompatibleServerOptions = {}): Promise<ScriptedServer> {
  return _startScriptedServer({
    script,
    basePath: '/v1',
    handle: (request) => {
      if (apiKey !== undefined && request.headers.authorization !== `Bearer ${apiKey}`) {
        return { status: 401, body: _errorBody('Incorrect API key provided.', 'invalid_api_key') };
      }
      if (request.method === 'GET' && request.path === '/models') {
        return { status: 200, body: { object: 'list', data: [{ id: 'test-embedding', object: 'model', owned_by: 'fathom' }] } };
      }
      if (request.method !== 'POST' || request.path !== '/embeddings') return { status: 404, body: _errorBody(`No route ${request.method} ${request.path}`) };
      return _embeddings(request.body, embed);
    },
  });
}

function _embeddings(body: unknown, embed: (texts: string[]) => number[][]): { status: number; body: unknown } {
  const { input, model, encoding_format: format = 'float' } = (body ?? {}) as { input?: unknown; model?: unknown; encoding_format?: unknown };
  const texts = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string') || typeof model !== 'string') {
    return { status: 400, body: _errorBody("'input' must be a string or an array of strings and 'model' a string.") };
  }
  if (format !== 'float' && format !== 'base64') return { status: 400, body: _errorBody(`Unsupported encoding_format '${String(format)}'.`) };
  const vectors = embed(texts as string[]);
  const tokens = (texts as string[]).reduce((sum, t) => sum + t.split(/\s+/).filter(Boolean).length, 0);
  return {
    status: 200,
    body: {
      object: 'list',
      model,
      data: vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector,
      })),
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  };
}
